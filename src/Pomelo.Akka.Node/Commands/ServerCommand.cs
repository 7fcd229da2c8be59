using System.CommandLine;
using Pomelo.Akka.Hosting;
using Pomelo.Akka.Node.Configuration;

namespace Pomelo.Akka.Node.Commands;

/// <summary><c>pomelo-akka server --id X</c>: runs one configured server, i.e. its monitor and modules.</summary>
internal static class ServerCommand
{
    public static Command Create()
    {
        var config = NodeOptions.Config();
        var env = NodeOptions.Env();
        var id = new Option<string>("--id", "-i") { Description = "the server id, as configured", Required = true };
        var command = new Command("server", "Run one configured server: its monitor connects to the master.") { config, env, id };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(config), parse.GetValue(env), parse.GetValue(id)!, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string? configPath, string? env, string id, CancellationToken cancellationToken)
    {
        Microsoft.Extensions.Configuration.IConfigurationRoot configuration;
        ServerEntry? entry;
        try
        {
            configuration = NodeConfiguration.Load(configPath, env);
            entry = ServerDirectory.Read(configuration).FirstOrDefault(s => s.Id == id);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or Pomelo.Akka.Config.HoconParseException)
        {
            return await NodeHost.FailAsync(ex.Message).ConfigureAwait(false);
        }

        if (entry is null)
        {
            return await NodeHost.FailAsync($"server '{id}' is not configured in environment {configuration["pomelo:env"] ?? "development"}").ConfigureAwait(false);
        }

        var builder = NodeHost.CreateBuilder(configuration);
        builder.Services.AddPomeloMonitor(o =>
        {
            o.Id = entry.Id;
            o.ServerType = entry.ServerType;
            o.Host = entry.Host;
            o.Port = entry.Port;
            o.Info = new Dictionary<string, string?>(entry.Fields, StringComparer.Ordinal);
            o.MasterHost = configuration["pomelo:master:host"] ?? o.MasterHost;
            o.MasterPort = int.TryParse(configuration["pomelo:master:port"], out var port) ? port : o.MasterPort;
        });
        builder.Services.AddAdminModulesFromConfiguration(configuration);
        return await NodeHost.RunAsync(builder, cancellationToken).ConfigureAwait(false);
    }
}
