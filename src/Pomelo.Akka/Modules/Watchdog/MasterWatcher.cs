using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pomelo.Akka.Cluster;
using Pomelo.Akka.Console;
using Pomelo.Akka.Master;
using Pomelo.Akka.Protocol;

namespace Pomelo.Akka.Modules.Watchdog;

/// <summary>
/// The master's watchdog (<c>__masterwatcher__</c>): turns membership events into broadcasts to every subscribed
/// server — up → addServer; unreachable / removed → removeServer; reconnect → replaceServer (the full map) to the
/// returning server and addServer to the others — and broadcasts startOver once every expected server has started.
/// Events arriving close together are coalesced (a registration storm makes few broadcasts; a removal goes out at
/// once), each message is serialised once for all listeners, and subscribers get a cached serialised map.
/// </summary>
[AdminModule(Id)]
public sealed partial class MasterWatcher : IMasterHandler, IStartableModule, IAsyncDisposable
{
    /// <summary>The module id (pomelo's).</summary>
    public const string Id = "__masterwatcher__";

    /// <summary>How long the watcher waits for more additions after the last one before broadcasting them.</summary>
    public static readonly TimeSpan CoalesceWindow = TimeSpan.FromMilliseconds(5);

    /// <summary>The longest an addition waits for others to be coalesced with it.</summary>
    public static readonly TimeSpan MaxCoalesceDelay = TimeSpan.FromMilliseconds(50);

    /// <summary>How long a listener may take to acknowledge a batch before it is sent the next one anyway.</summary>
    public static readonly TimeSpan BatchReplyTimeout = TimeSpan.FromSeconds(10);

    private readonly MasterConsoleService? _console;
    private readonly HashSet<string> _expected;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly WatchdogState _state = new();
    private readonly HashSet<string> _started = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private IDisposable? _subscription;
    private Task _loop = Task.CompletedTask;
    private bool _startOverSent;

    /// <summary>Initializes the watcher; it only acts on the master (on a monitor node it stays idle).</summary>
    /// <param name="console">The console service hosting it.</param>
    /// <param name="options">Membership options, for the servers expected before startOver.</param>
    /// <param name="time">The clock for coalescing.</param>
    /// <param name="logger">Where broadcasts are logged.</param>
    public MasterWatcher(IConsoleService console, IOptions<MembershipOptions> options, TimeProvider time, ILogger<MasterWatcher> logger)
    {
        _console = console as MasterConsoleService;
        _expected = new HashSet<string>(options.Value.ExpectedServers, StringComparer.Ordinal);
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc />
    public ValueTask StartAsync(CancellationToken cancellationToken)
    {
        if (_console?.Agent is MasterAgent agent && _subscription is null)
        {
            _subscription = agent.Membership.Subscribe(OnMemberEvent, initialStateAsEvents: true);
            var sender = new WatchdogSender(
                id => agent.TryGetSession(id, out var session) ? session.Connection : null,
                (id, body) => agent.RequestAsync(id, MonitorWatcher.Id, body, BatchReplyTimeout),
                () => _wake.Writer.TryWrite(true));
            _loop = Task.Run(() => BroadcastLoopAsync(sender, _stopping.Token), CancellationToken.None);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<object?> MasterHandlerAsync(IMasterAgent agent, JsonElement? message, CancellationToken cancellationToken)
    {
        if (message is not { ValueKind: JsonValueKind.Object } body)
        {
            return ValueTask.FromResult<object?>(null);
        }

        var id = body.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString()! : string.Empty;
        object? reply = (body.TryGetProperty("action", out var a) ? a.GetString() : null) switch
        {
            WatchdogActions.Subscribe => Subscribe(id),
            WatchdogActions.Unsubscribe => Unsubscribe(id),
            WatchdogActions.Query => _state.Query(),
            WatchdogActions.Record => Record(id),
            _ => null,
        };
        return reply is null
            ? ValueTask.FromException<object?>(new InvalidOperationException("unknown watchdog action: " + body.GetRawText()))
            : ValueTask.FromResult<object?>(reply);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        _wake.Writer.TryComplete();
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stopping.Dispose();
    }

    private static int ProtocolOk => Protocol.ProtocolCodes.Ok;

    private void OnMemberEvent(MemberEvent memberEvent)
    {
        if (_state.Apply(memberEvent))
        {
            _wake.Writer.TryWrite(true);
        }
    }

    private RawJson Subscribe(string id)
    {
        var map = _state.Subscribe(id);

        // The cached map may lag a little behind; the changes after it go out with the next batch.
        _wake.Writer.TryWrite(true);
        return map;
    }

    private object Unsubscribe(string id)
    {
        _state.Unsubscribe(id);
        return ProtocolOk;
    }

    private object Record(string id)
    {
        lock (_gate)
        {
            _started.Add(id);
            if (_startOverSent || _expected.Count == 0 || !_expected.IsSubsetOf(_started))
            {
                return ProtocolOk;
            }

            _startOverSent = true;
        }

        LogStartOver(_logger, _expected.Count);
        _state.StartOver();
        _wake.Writer.TryWrite(true);
        return ProtocolOk;
    }

    private async Task BroadcastLoopAsync(WatchdogSender sender, CancellationToken cancellationToken)
    {
        while (await _wake.Reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
        {
            _wake.Reader.TryRead(out _);
            try
            {
                await CoalesceAsync(cancellationToken).ConfigureAwait(false);
                var sends = _state.TakeBatch(sender.IsBusy);
                if (sends.Count > 0)
                {
                    var busy = sender.Send(sends);
                    LogBroadcast(_logger, sends.Count, sends.Sum(s => s.Count), busy);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogBroadcastFailed(_logger, ex);
            }
        }
    }

    /// <summary>Waits while additions keep arriving (up to <see cref="MaxCoalesceDelay"/>); returns at once for a removal.</summary>
    private async Task CoalesceAsync(CancellationToken cancellationToken)
    {
        var first = _time.GetTimestamp();
        var last = first;
        while (!_state.HasUrgent)
        {
            var wait = TimeSpan.FromTicks(Math.Min((CoalesceWindow - _time.GetElapsedTime(last)).Ticks, (MaxCoalesceDelay - _time.GetElapsedTime(first)).Ticks));
            if (wait <= TimeSpan.Zero)
            {
                return;
            }

            using var delay = new CancellationTokenSource(wait, _time);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(delay.Token, cancellationToken);
            try
            {
                if (!await _wake.Reader.WaitToReadAsync(timeout.Token).ConfigureAwait(false))
                {
                    return;
                }

                _wake.Reader.TryRead(out _);
                last = _time.GetTimestamp();
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    [LoggerMessage(6100, LogLevel.Debug, "Watchdog broadcast to {Listeners} servers, {Messages} messages; {Busy} listeners still sending")]
    private static partial void LogBroadcast(ILogger logger, int listeners, int messages, int busy);

    [LoggerMessage(6101, LogLevel.Information, "All {Count} expected servers started; broadcasting startOver")]
    private static partial void LogStartOver(ILogger logger, int count);

    [LoggerMessage(6102, LogLevel.Error, "Watchdog broadcast failed")]
    private static partial void LogBroadcastFailed(ILogger logger, Exception exception);
}
