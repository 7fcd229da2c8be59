using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Pomelo.Akka.Console;

namespace Pomelo.Akka.Modules.WatchServer;

/// <summary>
/// Runs one <c>watchServer</c> command on this node and builds its reply (see docs/admin-modules.md). The node's
/// identity and its view of the servers are passed in, since the master and a monitor see the cluster differently.
/// </summary>
internal sealed class WatchServerExecutor(
    IConsoleService console,
    ServerSettings settings,
    ProcessStatusReader process,
    IServerStatusSource source,
    IConfiguration? configuration)
{
    /// <summary>pomelo's name of the master's own component.</summary>
    public const string MasterComponent = "__master__";

    /// <summary>pomelo's name of a monitor's own component.</summary>
    public const string MonitorComponent = "__monitor__";

    public async ValueTask<object?> ExecuteAsync(WatchServerRequest request, string serverId, string serverType, Func<IReadOnlyList<WatchedServer>> servers, CancellationToken cancellationToken)
    {
        switch (request.Command)
        {
            case WatchServerCommands.Servers:
                return new { servers = servers() };
            case WatchServerCommands.Connections:
                return new { serverId, connections = await source.GetConnectionsAsync(cancellationToken).ConfigureAwait(false) };
            case WatchServerCommands.Logins:
                return new { serverId, logins = await source.GetLoginsAsync(cancellationToken).ConfigureAwait(false) };
            case WatchServerCommands.Modules:
                return new { serverId, modules = console.ListModules().Select(ModuleRow).ToList() };
            case WatchServerCommands.Status:
                return process.Read(serverId, serverType);
            case WatchServerCommands.Config:
                return new { serverId, config = ConfigurationSnapshot.Of(configuration) };
            case WatchServerCommands.Components:
                return new { serverId, components = Components() };
            case WatchServerCommands.Settings:
                return new { serverId, settings = SettingsObject() };
            case WatchServerCommands.Get:
                var key = request.Key is { Length: > 0 } k ? k : throw WatchServerErrors.MissingKey(request.Command);
                return new { serverId, key, value = settings.TryGet(key, out var current) ? current : (object?)null };
            case WatchServerCommands.Set:
                var setKey = request.Key is { Length: > 0 } sk ? sk : throw WatchServerErrors.MissingKey(request.Command);
                var value = request.Value ?? throw WatchServerErrors.MissingValue();
                settings.Set(setKey, value);
                return new { serverId, key = setKey, value };
            case WatchServerCommands.Run:
                throw WatchServerErrors.RunNotAvailable();
            case WatchServerCommands.Dump:
                throw WatchServerErrors.DumpNotAvailable();
            default:
                throw WatchServerErrors.UnknownCommand(request.Command);
        }
    }

    private static object ModuleRow(ModuleStatus status) => new
    {
        id = status.Id,
        enabled = status.Enabled,
        state = status.State.ToString(),
        schedule = status.Schedule.ToString(),
        intervalSeconds = status.IntervalSeconds,
        restarts = status.Restarts,
        lastError = status.LastError,
    };

    private List<string> Components()
    {
        var own = console is MasterConsoleService ? MasterComponent : MonitorComponent;
        return [own, .. source.GetComponents().Where(c => c != own).Distinct(StringComparer.Ordinal)];
    }

    private JsonObject SettingsObject()
    {
        var result = new JsonObject();
        foreach (var (key, value) in settings.Snapshot())
        {
            result[key] = JsonSerializer.SerializeToNode(value);
        }

        return result;
    }
}
