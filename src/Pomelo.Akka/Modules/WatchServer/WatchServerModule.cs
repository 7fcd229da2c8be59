using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Pomelo.Akka.Console;
using Pomelo.Akka.Master;
using Pomelo.Akka.Monitor;
using Pomelo.Akka.Security;

namespace Pomelo.Akka.Modules.WatchServer;

/// <summary>
/// pomelo's <c>watchServer</c>: admins look inside one server. On the master, the client handler checks the body,
/// the command (unknown → <c>unknown command: x</c>) and the caller's level (<see cref="AccessPolicy"/>, area
/// <c>watchServer</c>), then answers for the master itself (no <c>serverId</c>, or the master's id) or forwards the
/// body to the target's monitor handler and returns its reply. The monitor handler runs the command on its server.
/// Commands: <c>servers</c> (master: its membership with states; monitor: its server map), <c>connections</c> /
/// <c>logins</c> / part of <c>components</c> (from the application's <see cref="IServerStatusSource"/>, if any),
/// <c>modules</c>, <c>status</c>, <c>config</c> (secrets masked), <c>components</c> (<c>__master__</c> or
/// <c>__monitor__</c>, then the application's), <c>settings</c> / <c>get</c> / <c>set</c> (the node's
/// <see cref="ServerSettings"/>), <c>run</c> and <c>dump</c> (not available yet: an error reply).
/// </summary>
[AdminModule(Id)]
public sealed partial class WatchServerModule : IClientHandler, IMonitorHandler
{
    /// <summary>The module id (pomelo's).</summary>
    public const string Id = "watchServer";

    private readonly IConsoleService _console;
    private readonly WatchServerExecutor _executor;
    private readonly ILogger _logger;

    /// <summary>Initializes the module; the same class serves the master (client handler) and monitors (monitor handler).</summary>
    /// <param name="console">The console service hosting it (master or monitor).</param>
    /// <param name="settings">The node's runtime settings.</param>
    /// <param name="time">The clock, for uptime.</param>
    /// <param name="logger">Where requests and denials are logged.</param>
    /// <param name="statusSource">The application's connections, logins and components, if it registered a source.</param>
    /// <param name="configuration">The node's configuration, if any, for <c>config</c>.</param>
    public WatchServerModule(
        IConsoleService console,
        ServerSettings settings,
        TimeProvider time,
        ILogger<WatchServerModule> logger,
        IServerStatusSource? statusSource = null,
        IConfiguration? configuration = null)
    {
        _console = console;
        _logger = logger;
        _executor = new WatchServerExecutor(console, settings, new ProcessStatusReader(time), statusSource ?? new NoServerStatusSource(), configuration);
    }

    /// <inheritdoc />
    public async ValueTask<object?> ClientHandlerAsync(IMasterAgent agent, ClientCaller caller, JsonElement? message, CancellationToken cancellationToken)
    {
        if (!WatchServerRequest.TryParse(message, out var request))
        {
            LogInvalidRequest(_logger, agent.ServerId, caller.Username);
            throw WatchServerErrors.InvalidRequest();
        }

        if (!WatchServerCommands.IsKnown(request.Command))
        {
            throw WatchServerErrors.UnknownCommand(request.Command);
        }

        if (!AccessPolicy.Allows(Id, request.Command, caller.Level))
        {
            LogDenied(_logger, request.Command, caller.Username, caller.Level);
            throw WatchServerErrors.Denied();
        }

        var target = request.ServerId ?? agent.ServerId;
        LogRequest(_logger, request.Command, target, caller.Username);
        if (target == agent.ServerId)
        {
            return await RunAsync(request, agent.ServerId, _console.ServerType, () => MembersOf(agent), cancellationToken).ConfigureAwait(false);
        }

        return await agent.RequestAsync(target, Id, message!.Value, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<object?> MonitorHandlerAsync(IMonitorAgent agent, JsonElement? message, CancellationToken cancellationToken)
    {
        if (!WatchServerRequest.TryParse(message, out var request))
        {
            LogInvalidRequest(_logger, agent.ServerId, "master");
            throw WatchServerErrors.InvalidRequest();
        }

        return await RunAsync(request, agent.ServerId, agent.ServerType, ServerMapRows, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<object?> RunAsync(WatchServerRequest request, string serverId, string serverType, Func<IReadOnlyList<WatchedServer>> servers, CancellationToken cancellationToken)
    {
        var reply = await _executor.ExecuteAsync(request, serverId, serverType, servers, cancellationToken).ConfigureAwait(false);
        if (request.Command == WatchServerCommands.Set)
        {
            LogSettingChanged(_logger, request.Key!, serverId);
        }

        return reply;
    }

    private static List<WatchedServer> MembersOf(IMasterAgent agent) => agent.Membership.Members.Select(WatchedServer.FromMember).ToList();

    private List<WatchedServer> ServerMapRows()
        => _console is MonitorConsoleService monitor ? monitor.ServerMap.Servers.Select(WatchedServer.FromEntry).ToList() : [];
}
