using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pomelo.Akka.Cluster;
using Pomelo.Akka.Console;
using Pomelo.Akka.Master;

namespace Pomelo.Akka.Modules.Watchdog;

/// <summary>
/// The master's watchdog (<c>__masterwatcher__</c>): turns membership events into broadcasts to every subscribed
/// server — up → addServer; unreachable / removed → removeServer; reconnect → replaceServer (the full map) to the
/// returning server and addServer to the others — and broadcasts startOver once every expected server has started.
/// </summary>
[AdminModule(Id)]
public sealed partial class MasterWatcher : IMasterHandler, IStartableModule, IAsyncDisposable
{
    /// <summary>The module id (pomelo's).</summary>
    public const string Id = "__masterwatcher__";

    private readonly MasterConsoleService? _console;
    private readonly HashSet<string> _expected;
    private readonly ILogger _logger;
    private readonly HashSet<string> _listeners = new(StringComparer.Ordinal);
    private readonly HashSet<string> _started = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly Channel<MemberEvent> _events = Channel.CreateUnbounded<MemberEvent>(new UnboundedChannelOptions { SingleReader = true });
    private IDisposable? _subscription;
    private Task _loop = Task.CompletedTask;
    private bool _startOverSent;

    /// <summary>Initializes the watcher; it only acts on the master (on a monitor node it stays idle).</summary>
    /// <param name="console">The console service hosting it.</param>
    /// <param name="options">Membership options, for the servers expected before startOver.</param>
    /// <param name="logger">Where broadcasts are logged.</param>
    public MasterWatcher(IConsoleService console, IOptions<MembershipOptions> options, ILogger<MasterWatcher> logger)
    {
        _console = console as MasterConsoleService;
        _expected = new HashSet<string>(options.Value.ExpectedServers, StringComparer.Ordinal);
        _logger = logger;
    }

    /// <inheritdoc />
    public ValueTask StartAsync(CancellationToken cancellationToken)
    {
        if (_console is not null && _subscription is null)
        {
            _subscription = _console.Agent.Membership.Subscribe(e => _events.Writer.TryWrite(e), initialStateAsEvents: false);
            _loop = Task.Run(() => BroadcastLoopAsync(_console.Agent), CancellationToken.None);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public async ValueTask<object?> MasterHandlerAsync(IMasterAgent agent, JsonElement? message, CancellationToken cancellationToken)
    {
        if (message is not { ValueKind: JsonValueKind.Object } body)
        {
            return null;
        }

        var id = body.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString()! : string.Empty;
        switch (body.TryGetProperty("action", out var a) ? a.GetString() : null)
        {
            case WatchdogActions.Subscribe:
                lock (_gate)
                {
                    _listeners.Add(id);
                }

                return ServerMapOf(agent);
            case WatchdogActions.Unsubscribe:
                lock (_gate)
                {
                    _listeners.Remove(id);
                }

                return ProtocolOk;
            case WatchdogActions.Query:
                return ServerMapOf(agent);
            case WatchdogActions.Record:
                await RecordAsync(agent, id, cancellationToken).ConfigureAwait(false);
                return ProtocolOk;
            default:
                throw new InvalidOperationException("unknown watchdog action: " + body.GetRawText());
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        _events.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private static int ProtocolOk => Protocol.ProtocolCodes.Ok;

    private static JsonObject ServerMapOf(IMasterAgent agent)
    {
        var map = new JsonObject();
        foreach (var member in agent.Servers)
        {
            map[member.Id] = InfoOf(member);
        }

        return map;
    }

    private static JsonNode InfoOf(Member member)
    {
        var info = member.Info is { ValueKind: JsonValueKind.Object } i ? JsonObject.Create(i)!.DeepClone().AsObject() : [];
        info["id"] = member.Id;
        info["serverType"] = member.ServerType;
        info["incarnation"] = member.Incarnation;
        if (member.Pid is { } pid)
        {
            info["pid"] = pid;
        }

        return info;
    }

    private async Task RecordAsync(IMasterAgent agent, string id, CancellationToken cancellationToken)
    {
        string[] listeners;
        lock (_gate)
        {
            _started.Add(id);
            if (_startOverSent || _expected.Count == 0 || !_expected.IsSubsetOf(_started))
            {
                return;
            }

            _startOverSent = true;
            listeners = [.. _listeners];
        }

        LogStartOver(_logger, _expected.Count);
        await agent.NotifyByIdsAsync(listeners, MonitorWatcher.Id, new JsonObject { ["action"] = WatchdogActions.StartOver }, cancellationToken).ConfigureAwait(false);
    }

    private async Task BroadcastLoopAsync(IMasterAgent agent)
    {
        await foreach (var memberEvent in _events.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                await BroadcastAsync(agent, memberEvent).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                LogBroadcastFailed(_logger, ex, memberEvent.GetType().Name, memberEvent.Member.Id);
            }
        }
    }

    private async Task BroadcastAsync(IMasterAgent agent, MemberEvent memberEvent)
    {
        var member = memberEvent.Member;
        string[] others;
        lock (_gate)
        {
            if (memberEvent is MemberRemoved)
            {
                _listeners.Remove(member.Id);
            }

            others = _listeners.Where(l => l != member.Id).ToArray();
        }

        switch (memberEvent)
        {
            case MemberUp:
                await agent.NotifyByIdsAsync(others, MonitorWatcher.Id, new JsonObject { ["action"] = WatchdogActions.AddServer, ["server"] = InfoOf(member) }).ConfigureAwait(false);
                break;
            case MemberUnreachable or MemberRemoved:
                await agent.NotifyByIdsAsync(others, MonitorWatcher.Id, new JsonObject { ["action"] = WatchdogActions.RemoveServer, ["id"] = member.Id, ["incarnation"] = member.Incarnation }).ConfigureAwait(false);
                break;
            case MemberReachable:
                await agent.NotifyByIdAsync(member.Id, MonitorWatcher.Id, new JsonObject { ["action"] = WatchdogActions.ReplaceServer, ["servers"] = ServerMapOf(agent) }).ConfigureAwait(false);
                await agent.NotifyByIdsAsync(others, MonitorWatcher.Id, new JsonObject { ["action"] = WatchdogActions.AddServer, ["server"] = InfoOf(member) }).ConfigureAwait(false);
                break;
        }

        LogBroadcast(_logger, memberEvent.GetType().Name, member.Id, others.Length);
    }

    [LoggerMessage(6100, LogLevel.Debug, "Watchdog broadcast {Event} of {MemberId} to {Listeners} servers")]
    private static partial void LogBroadcast(ILogger logger, string @event, string memberId, int listeners);

    [LoggerMessage(6101, LogLevel.Information, "All {Count} expected servers started; broadcasting startOver")]
    private static partial void LogStartOver(ILogger logger, int count);

    [LoggerMessage(6102, LogLevel.Error, "Watchdog broadcast of {Event} for {MemberId} failed")]
    private static partial void LogBroadcastFailed(ILogger logger, Exception exception, string @event, string memberId);
}
