using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Pomelo.Akka.Hosting;
using Pomelo.Akka.Node.Configuration;
using Pomelo.Akka.Node.Starter;
using Pomelo.Akka.Starter;

namespace Pomelo.Akka.Node.Commands;

/// <summary>
/// <c>pomelo-akka server --id X</c>: runs one server, i.e. its monitor and modules. The server is looked up in the
/// config; a server that is not configured (one the console's <c>add</c> started) is described by --type, --host,
/// --port and --set key=value.
/// </summary>
internal static class ServerCommand
{
    public static Command Create()
    {
        var config = NodeOptions.Config();
        var env = NodeOptions.Env();
        var id = new Option<string>("--id", "-i") { Description = "the server id", Required = true };
        var type = new Option<string?>("--type") { Description = "server type, for a server that is not in the config" };
        var host = new Option<string?>("--host") { Description = "host, for a server that is not in the config" };
        var port = new Option<int?>("--port") { Description = "port, for a server that is not in the config" };
        var set = new Option<string[]>("--set") { Description = "extra info field key=value, for a server that is not in the config", AllowMultipleArgumentsPerToken = false };
        var command = new Command("server", "Run one server: its monitor connects to the master.") { config, env, id, type, host, port, set };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(config), parse.GetValue(env), parse.GetValue(id)!, parse.GetValue(type), parse.GetValue(host), parse.GetValue(port), parse.GetValue(set) ?? [], cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string? configPath, string? env, string id, string? type, string? host, int? port, string[] set, CancellationToken cancellationToken)
    {
        Microsoft.Extensions.Configuration.IConfigurationRoot configuration;
        ServerEntry? entry;
        try
        {
            configuration = NodeConfiguration.Load(configPath, env);
            entry = ServerDirectory.Read(configuration).FirstOrDefault(s => s.Id == id) ?? Unconfigured(id, type, host, port, set);
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
            o.MasterPort = int.TryParse(configuration["pomelo:master:port"], out var masterPort) ? masterPort : o.MasterPort;
        });
        builder.Services.AddAdminModulesFromConfiguration(configuration);
        builder.Services.AddSingleton<INodeControl, NodeControl>();
        return await NodeHost.RunAsync(builder, cancellationToken).ConfigureAwait(false);
    }

    private static ServerEntry? Unconfigured(string id, string? type, string? host, int? port, string[] set)
    {
        if (type is null)
        {
            return null;
        }

        var fields = set.Select(s => s.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => (string?)p[1], StringComparer.Ordinal);
        fields["id"] = id;
        fields["serverType"] = type;
        fields["host"] = host ?? "127.0.0.1";
        if (port is { } p)
        {
            fields["port"] = p.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return new ServerEntry(id, type, host ?? "127.0.0.1", port, fields);
    }
}
