using System.Text.Json;
using Microsoft.Extensions.Logging;
using Pomelo.Akka.Cluster;
using Pomelo.Akka.Errors;
using Pomelo.Akka.Master;
using Pomelo.Akka.Protocol;

namespace Pomelo.Akka.Console;

/// <summary>
/// The master's ConsoleService: supervises the master-side module actors, ticks pull modules, dispatches monitors'
/// and clients' messages to the modules' handlers, and runs the console commands <c>list</c>, <c>enable</c>, <c>disable</c>.
/// </summary>
public sealed partial class MasterConsoleService : IConsoleService, IAsyncDisposable
{
    private readonly ModuleHost _host;
    private readonly ILogger _logger;
    private IMasterAgent? _agent;

    internal MasterConsoleService(string serverId, IEnumerable<AdminModuleRegistration> registrations, IServiceProvider services, ModuleSupervisionOptions supervision, TimeProvider time, ILoggerFactory loggerFactory)
    {
        ServerId = serverId;
        _logger = loggerFactory.CreateLogger<MasterConsoleService>();
        _host = new ModuleHost(registrations, ScheduleType.Pull, options => new ModuleFactoryContext(services, options, this), supervision, time, loggerFactory);
    }

    /// <inheritdoc />
    public string ServerId { get; }

    /// <inheritdoc />
    public string ServerType => "master";

    /// <summary>Raised when a server registers for the first time (pomelo's <c>register</c> event).</summary>
    public event Action<Member>? ServerRegistered;

    /// <summary>Raised when a server becomes unreachable or is removed (pomelo's <c>disconnect</c> event).</summary>
    public event Action<Member>? ServerDisconnected;

    /// <summary>Raised when an unreachable server is back (pomelo's <c>reconnect</c> event).</summary>
    public event Action<Member>? ServerReconnected;

    /// <summary>Gets the master agent the modules are given.</summary>
    public IMasterAgent Agent => _agent ?? throw new InvalidOperationException("The master console has not started.");

    /// <inheritdoc />
    public IReadOnlyList<ModuleStatus> ListModules() => _host.List();

    /// <inheritdoc />
    public bool EnableModule(string moduleId) => _host.Enable(moduleId);

    /// <inheritdoc />
    public bool DisableModule(string moduleId) => _host.Disable(moduleId);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _host.DisposeAsync();

    /// <summary>Gives the console its agent; done before the agent connects so early messages can be queued.</summary>
    internal void Bind(IMasterAgent agent) => _agent = agent;

    /// <summary>Creates the module actors, enables their schedules and runs each module's Start.</summary>
    internal Task StartAsync() => _host.StartAsync(() => new MasterHandlerInvocation(Agent, null, null));

    /// <summary>Re-raises membership events as pomelo's register / disconnect / reconnect.</summary>
    internal void OnMemberEvent(MemberEvent memberEvent)
    {
        switch (memberEvent)
        {
            case MemberUp up:
                ServerRegistered?.Invoke(up.Member);
                break;
            case MemberUnreachable or MemberRemoved { PreviousStatus: MemberStatus.Leaving }:
                ServerDisconnected?.Invoke(memberEvent.Member);
                break;
            case MemberReachable reachable:
                ServerReconnected?.Invoke(reachable.Member);
                break;
        }
    }

    /// <summary>Asks a master handler for a monitor's request; the module answers <paramref name="replyTo"/> directly.</summary>
    internal void AskMasterHandler(string moduleId, JsonElement? body, IModuleReplyTarget replyTo, long reqId)
        => _host.Ask(moduleId, new MasterHandlerInvocation(Agent, body, null) { ReplyTo = replyTo, ReqId = reqId });

    /// <summary>Tells a master handler a monitor's notify, waiting (back-pressure) while its mailbox is full.</summary>
    internal ValueTask NotifyMasterHandlerAsync(string moduleId, JsonElement? body, CancellationToken cancellationToken)
        => _host.TellAsync(moduleId, new MasterHandlerInvocation(Agent, body, null), cancellationToken);

    /// <summary>
    /// Tells a master handler a monitor's notify whose body its actor parses, waiting (back-pressure) while its mailbox
    /// is full. It is queued even to an idle actor, which runs it on its own thread: the read loop goes on to the next frame.
    /// </summary>
    internal ValueTask NotifyMasterHandlerAsync(string moduleId, DeferredJson body, DrainKicks kicks, CancellationToken cancellationToken)
        => _host.TellAsync(moduleId, new MasterHandlerInvocation(Agent, null, null) { DeferredMessage = body }, kicks, cancellationToken);

    /// <summary>Asks a client handler for a client's request; the module answers <paramref name="replyTo"/> directly.</summary>
    internal void AskClientHandler(ClientCaller caller, string moduleId, JsonElement? body, IModuleReplyTarget replyTo, long reqId)
        => _host.Ask(moduleId, new ClientHandlerInvocation(Agent, caller, body, null) { ReplyTo = replyTo, ReqId = reqId });

    /// <summary>Tells a client handler a client's notify, waiting (back-pressure) while its mailbox is full.</summary>
    internal ValueTask NotifyClientHandlerAsync(ClientCaller caller, string moduleId, JsonElement? body, CancellationToken cancellationToken)
        => _host.TellAsync(moduleId, new ClientHandlerInvocation(Agent, caller, body, null), cancellationToken);

    /// <summary>Runs a client's console command, checked against the caller's authenticated level.</summary>
    internal async Task<object?> CommandAsync(ClientCaller caller, CommandMessage command, CancellationToken cancellationToken)
    {
        switch (command.Command)
        {
            case "list":
                var modules = _host.List();
                return new ModuleListReply(modules.Where(m => !IsInternal(m.Id)).Select(m => m.Id).ToList(), modules);
            case "enable":
            case "disable":
                return await SwitchAsync(caller, command, command.Command == "enable", cancellationToken).ConfigureAwait(false);
            default:
                throw new AdminRequestException("unknown command:" + command.Command);
        }
    }

    private async Task<object?> SwitchAsync(ClientCaller caller, CommandMessage command, bool enable, CancellationToken cancellationToken)
    {
        if (!Security.AccessPolicy.Allows("command", command.Command, caller.Level))
        {
            LogDenied(_logger, caller.Username, caller.Level, command.Command);
            throw new AdminRequestException("Command permission denied");
        }

        var moduleId = command.ModuleId;
        if (string.IsNullOrEmpty(moduleId))
        {
            throw new AdminRequestException("empty moduleId");
        }

        if (!_host.TryGet(moduleId, out _))
        {
            throw ModuleException.Unknown(moduleId);
        }

        var target = command.Body is { ValueKind: JsonValueKind.Object } b && b.TryGetProperty("serverId", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        if (target is null || target == ServerId)
        {
            _ = enable ? _host.Enable(moduleId) : _host.Disable(moduleId);
        }

        if (target != ServerId)
        {
            var sent = await Agent.BroadcastCommandAsync(command.Command, moduleId, null, target, cancellationToken).ConfigureAwait(false);
            if (target is not null && sent == 0)
            {
                throw new UnknownServerException(target);
            }
        }

        LogSwitched(_logger, caller.Username, command.Command, moduleId, target ?? "all");
        return ProtocolCodes.Ok;
    }

    private static bool IsInternal(string moduleId) => moduleId.Length > 4 && moduleId.StartsWith("__", StringComparison.Ordinal) && moduleId.EndsWith("__", StringComparison.Ordinal);

    [LoggerMessage(3200, LogLevel.Warning, "User {User} (level {Level}) denied command {Command}")]
    private static partial void LogDenied(ILogger logger, string user, int level, string command);

    [LoggerMessage(3201, LogLevel.Information, "User {User} ran {Command} {ModuleId} on {Target}")]
    private static partial void LogSwitched(ILogger logger, string user, string command, string moduleId, string target);
}
