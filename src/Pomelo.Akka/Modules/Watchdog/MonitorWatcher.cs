using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Pomelo.Akka.Cluster;
using Pomelo.Akka.Console;
using Pomelo.Akka.Monitor;

namespace Pomelo.Akka.Modules.Watchdog;

/// <summary>
/// A monitor's watchdog (<c>__monitorwatcher__</c>): subscribes to the master on start and after every
/// re-registration (the reply is the full map) — retrying with back-off until the master answers, so a subscribe lost
/// in a registration storm never leaves the map incomplete — reports this server started, and applies the master's
/// addServer / removeServer / replaceServer / startOver to the node's <see cref="ServerMap"/>.
/// </summary>
[AdminModule(Id)]
public sealed partial class MonitorWatcher : IMonitorHandler, IStartableModule, IDisposable
{
    /// <summary>The module id (pomelo's).</summary>
    public const string Id = "__monitorwatcher__";

    /// <summary>The first delay before a failed subscribe is retried; it doubles per failure up to <see cref="MaxRetryDelay"/>.</summary>
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest delay between two subscribe attempts.</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(10);

    private readonly MonitorConsoleService? _console;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private CancellationTokenSource? _subscribing;
    private bool _recorded;
    private bool _disposed;

    /// <summary>Initializes the watcher; it only acts on monitors (on the master's own console it stays idle).</summary>
    /// <param name="console">The console service hosting it.</param>
    /// <param name="time">The clock for subscribe retries.</param>
    /// <param name="logger">Where map changes are logged.</param>
    public MonitorWatcher(IConsoleService console, TimeProvider time, ILogger<MonitorWatcher> logger)
    {
        _console = console as MonitorConsoleService;
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc />
    public async ValueTask StartAsync(CancellationToken cancellationToken)
    {
        if (_console is null)
        {
            return;
        }

        _console.Registered += OnRegistered;
        var firstAttempt = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (StartSubscribing(firstAttempt))
        {
            // Like pomelo, the module's start waits for the first subscribe; if it fails, retries go on in the background.
            await firstAttempt.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public ValueTask<object?> MonitorHandlerAsync(IMonitorAgent agent, JsonElement? message, CancellationToken cancellationToken)
    {
        if (_console is null || message is not { ValueKind: JsonValueKind.Object } body)
        {
            return ValueTask.FromResult<object?>(null);
        }

        var map = _console.ServerMap;
        var action = body.TryGetProperty("action", out var a) ? a.GetString() : null;
        switch (action)
        {
            case WatchdogActions.AddServer when body.TryGetProperty("server", out var server) && map.Entries.FromInfo(JsonMarshal.GetRawUtf8Value(server), default) is { } entry:
                Log(map.Add(entry), action, entry.Id);
                break;
            case WatchdogActions.RemoveServer when body.TryGetProperty("id", out var id) && id.GetString() is { } removed:
                long? incarnation = body.TryGetProperty("incarnation", out var inc) && inc.TryGetInt64(out var n) ? n : null;
                Log(map.Remove(removed, incarnation), action, removed);
                break;
            case WatchdogActions.ReplaceServer when body.TryGetProperty("servers", out var servers):
                Replace(map, servers);
                break;
            case WatchdogActions.StartOver:
                map.MarkStartOver();
                break;
            default:
                LogUnknownAction(_logger, body.GetRawText());
                break;
        }

        return ValueTask.FromResult<object?>(Protocol.ProtocolCodes.Ok);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_console is not null)
        {
            _console.Registered -= OnRegistered;
        }

        lock (_gate)
        {
            _disposed = true;
            _subscribing?.Cancel();
            _subscribing?.Dispose();
            _subscribing = null;
        }
    }

    private static void Replace(ServerMap map, JsonElement servers, long sinceVersion = long.MaxValue)
    {
        if (servers.ValueKind == JsonValueKind.Object)
        {
            map.Replace(map.Entries.ReadMap(JsonMarshal.GetRawUtf8Value(servers))!, sinceVersion);
        }
    }

    private void OnRegistered(int count)
    {
        if (count > 1)
        {
            StartSubscribing(null);
        }
    }

    /// <summary>Starts a subscribe loop, cancelling the one of an earlier registration.</summary>
    private bool StartSubscribing(TaskCompletionSource? firstAttempt)
    {
        CancellationTokenSource cts;
        lock (_gate)
        {
            if (_disposed)
            {
                return false;
            }

            _subscribing?.Cancel();
            _subscribing?.Dispose();
            _subscribing = cts = new CancellationTokenSource();
        }

        _ = SubscribeUntilDoneAsync(firstAttempt, cts.Token);
        return true;
    }

    private async Task SubscribeUntilDoneAsync(TaskCompletionSource? firstAttempt, CancellationToken cancellationToken)
    {
        var delay = FirstRetryDelay;
        try
        {
            while (true)
            {
                var done = await TrySubscribeAsync(cancellationToken).ConfigureAwait(false);
                firstAttempt?.TrySetResult();
                if (done)
                {
                    return;
                }

                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            firstAttempt?.TrySetResult();
        }
    }

    private async Task<bool> TrySubscribeAsync(CancellationToken cancellationToken)
    {
        var agent = _console!.Agent;
        var map = _console.ServerMap;
        try
        {
            var since = map.Version;
            var subscribe = new { action = WatchdogActions.Subscribe, id = agent.ServerId };
            if (agent is MonitorAgent monitor)
            {
                // The reply is the whole map: read straight from the receive buffer into shared entries, no document.
                List<ServerEntry>? view = null;
                await monitor.RequestRawAsync(MasterWatcher.Id, subscribe, body => view = map.Entries.ReadMap(body), cancellationToken: cancellationToken).ConfigureAwait(false);
                if (view is not null)
                {
                    map.Replace(view, since);
                }
            }
            else if (await agent.RequestAsync(MasterWatcher.Id, subscribe, cancellationToken: cancellationToken).ConfigureAwait(false) is { } servers)
            {
                Replace(map, servers, since);
            }

            LogSubscribed(_logger, map.Count);
        }
        catch (Errors.AdminRequestException ex)
        {
            LogSubscribeFailed(_logger, ex.Message);
            return false;
        }

        bool record;
        lock (_gate)
        {
            record = !_recorded;
            _recorded = true;
        }

        if (record)
        {
            try
            {
                await agent.RequestAsync(MasterWatcher.Id, new { action = WatchdogActions.Record, id = agent.ServerId }, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (Errors.AdminRequestException ex)
            {
                LogSubscribeFailed(_logger, ex.Message);
            }
        }

        return true;
    }

    private void Log(bool changed, string action, string id)
    {
        if (changed)
        {
            LogApplied(_logger, action, id);
        }
        else
        {
            LogStale(_logger, action, id);
        }
    }

    [LoggerMessage(6200, LogLevel.Information, "Server map: {Action} {ServerId}")]
    private static partial void LogApplied(ILogger logger, string action, string serverId);

    [LoggerMessage(6201, LogLevel.Information, "Server map: stale {Action} for {ServerId} ignored (a newer incarnation is known)")]
    private static partial void LogStale(ILogger logger, string action, string serverId);

    [LoggerMessage(6202, LogLevel.Information, "Subscribed to the master's watchdog; {Count} servers in the map")]
    private static partial void LogSubscribed(ILogger logger, int count);

    [LoggerMessage(6203, LogLevel.Warning, "Watchdog subscribe failed: {Reason}")]
    private static partial void LogSubscribeFailed(ILogger logger, string reason);

    [LoggerMessage(6204, LogLevel.Warning, "Unknown watchdog message ignored: {Message}")]
    private static partial void LogUnknownAction(ILogger logger, string message);
}
