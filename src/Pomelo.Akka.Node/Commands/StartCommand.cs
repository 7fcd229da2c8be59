using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Pomelo.Akka.Hosting;
using Pomelo.Akka.Node.Configuration;
using Pomelo.Akka.Node.Starter;
using Pomelo.Akka.Starter;

namespace Pomelo.Akka.Node.Commands;

/// <summary>
/// <c>pomelo-akka start</c>: the master, which launches every configured server as a child process (unless
/// <c>--standalone</c>); <c>--daemon</c> detaches it. <c>pomelo-akka master</c> is <c>start --standalone</c>.
/// </summary>
internal static class StartCommand
{
    public static Command Create() => Build("start", "Start the master and every configured server (pomelo's `pomelo start`).", standaloneDefault: false);

    public static Command CreateMaster() => Build("master", "Run the master alone (same as start --standalone).", standaloneDefault: true);

    private static Command Build(string name, string description, bool standaloneDefault)
    {
        var config = NodeOptions.Config();
        var env = NodeOptions.Env();
        var standalone = new Option<bool>("--standalone") { Description = "start the master alone; servers can be added later" };
        var daemon = new Option<bool>("--daemon", "-D") { Description = "run in the background; output goes to <config dir>/logs/<master id>.log" };
        var command = new Command(name, description) { config, env, daemon };
        if (!standaloneDefault)
        {
            command.Options.Add(standalone);
        }

        command.SetAction((parse, cancellationToken) => parse.GetValue(daemon)
            ? DaemonizeAsync(parse.GetValue(config), parse.GetValue(env), standaloneDefault || parse.GetValue(standalone), name)
            : RunAsync(parse.GetValue(config), parse.GetValue(env), standaloneDefault || parse.GetValue(standalone), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string? configPath, string? env, bool standalone, CancellationToken cancellationToken)
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
        builder.Services.AddSingleton<INodeControl, NodeControl>();
        var configured = servers.Select(s => s.Id).ToList();
        builder.Services.PostConfigure<Pomelo.Akka.Cluster.MembershipOptions>(o =>
        {
            if (o.ExpectedServers.Count == 0 && !standalone)
            {
                o.ExpectedServers = configured;
            }
        });
        var settings = new StarterSettings(configuration["pomelo:configFile"]!, configuration["pomelo:env"] ?? "development", servers.Select(s => s.ToSpec()).ToList(), standalone);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<ProcessServerStarter>();
        builder.Services.AddSingleton<IServerStarter>(sp => sp.GetRequiredService<ProcessServerStarter>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ProcessServerStarter>());
        return await NodeHost.RunAsync(builder, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> DaemonizeAsync(string? configPath, string? env, bool standalone, string verb)
    {
        Microsoft.Extensions.Configuration.IConfigurationRoot configuration;
        try
        {
            configuration = NodeConfiguration.Load(configPath, env);
        }
        catch (Exception ex) when (ex is IOException or Pomelo.Akka.Config.HoconParseException)
        {
            return await NodeHost.FailAsync(ex.Message).ConfigureAwait(false);
        }

        var configFile = configuration["pomelo:configFile"]!;
        var logs = Path.Combine(Path.GetDirectoryName(configFile)!, "logs");
        Directory.CreateDirectory(logs);
        var log = Path.Combine(logs, (configuration["pomelo:master:id"] ?? "master") + ".log");
        List<string> arguments = ["-c", "exec \"$0\" \"$@\" >> \"$LOG\" 2>&1 < /dev/null", SelfCommand.Create().FileName];
        arguments.AddRange(SelfCommand.Create().ArgumentList);
        arguments.AddRange([verb, "--config", configFile, "--env", configuration["pomelo:env"] ?? "development"]);
        if (standalone && verb == "start")
        {
            arguments.Add("--standalone");
        }

        var start = new ProcessStartInfo("setsid") { UseShellExecute = false };
        start.ArgumentList.Add("sh");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["LOG"] = log;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the daemon");
        await System.Console.Out.WriteLineAsync($"master started in the background (pid {process.Id}); log: {log}").ConfigureAwait(false);
        return 0;
    }
}
