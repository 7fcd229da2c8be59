using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Pomelo.Akka.Hosting;
using Pomelo.Akka.Node.Configuration;

namespace Pomelo.Akka.Node.Commands;

/// <summary><c>pomelo-akka master</c>: runs the master from config; <c>--launch</c> also starts the configured servers.</summary>
internal static class MasterCommand
{
    public static Command Create()
    {
        var config = NodeOptions.Config();
        var env = NodeOptions.Env();
        var launch = new Option<bool>("--launch") { Description = "also start every configured server as a child process, and stop them with the master" };
        var command = new Command("master", "Run the master (admin port, modules, its own monitor).") { config, env, launch };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(config), parse.GetValue(env), parse.GetValue(launch), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string? configPath, string? env, bool launch, CancellationToken cancellationToken)
    {
        Microsoft.Extensions.Configuration.IConfigurationRoot configuration;
        IReadOnlyList<ServerEntry> servers;
        try
        {
            configuration = NodeConfiguration.Load(configPath, env);
            servers = ServerDirectory.Read(configuration);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or Pomelo.Akka.Config.HoconParseException)
        {
            return await NodeHost.FailAsync(ex.Message).ConfigureAwait(false);
        }

        var builder = NodeHost.CreateBuilder(configuration);
        builder.Services.AddPomeloMaster();
        builder.Services.AddAdminModulesFromConfiguration(configuration);
        var configured = servers.Select(s => s.Id).ToList();
        builder.Services.PostConfigure<Pomelo.Akka.Cluster.MembershipOptions>(o =>
        {
            if (o.ExpectedServers.Count == 0)
            {
                o.ExpectedServers = configured;
            }
        });
        if (launch)
        {
            builder.Services.AddHostedService(sp => ActivatorUtilities.CreateInstance<ServerLauncher>(sp, servers, configuration["pomelo:configFile"]!, configuration["pomelo:env"] ?? "development"));
        }

        return await NodeHost.RunAsync(builder, cancellationToken).ConfigureAwait(false);
    }
}
