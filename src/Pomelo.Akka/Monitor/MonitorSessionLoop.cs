using Microsoft.Extensions.Logging;
using Pomelo.Akka.Console;
using Pomelo.Akka.Internal;
using Pomelo.Akka.Protocol;
using Pomelo.Akka.Protocol.Mqtt;

namespace Pomelo.Akka.Monitor;

/// <summary>
/// One registered connection of a monitor: heartbeats (PINGREQ every heartbeat interval), drops a master that stays
/// silent beyond two heartbeats plus grace, and feeds <c>monitor</c> messages to the agent until the link ends.
/// </summary>
/// <remarks>
/// A notify to a module whose mailbox is full holds this read loop (back-pressure towards the master, bounded by
/// <see cref="ModuleSupervisionOptions.MailboxFullWait"/>); meanwhile PINGRESPs wait in the socket too, which the bound
/// keeps well inside the silence allowed (two heartbeats plus grace). Module replies to the master's requests are sent
/// by the module actors through this loop's connection (<see cref="IModuleReplyTarget"/>).
/// </remarks>
internal sealed partial class MonitorSessionLoop : IModuleReplyTarget
{
    private readonly MqttConnection _mqtt;
    private readonly MonitorAgent _agent;
    private readonly MonitorOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly PeerSilence _silence;
    private readonly Action _heard;

    public MonitorSessionLoop(MqttConnection mqtt, MonitorAgent agent, MonitorOptions options, TimeProvider time, ILogger logger)
    {
        _mqtt = mqtt;
        _agent = agent;
        _options = options;
        _time = time;
        _logger = logger;
        _silence = new PeerSilence(time, options.HeartbeatInterval);
        _heard = _silence.Heard;
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _mqtt.Closed);
        await using var heartbeat = _time.CreateTimer(static s => ((MonitorSessionLoop)s!).Heartbeat(), this, _options.HeartbeatInterval, _options.HeartbeatInterval);
        try
        {
            while (true)
            {
                // Part of a large frame (a whole server map) arriving is already word from the master.
                var outcome = await _mqtt.ReadAsync(_heard, linked.Token).ConfigureAwait(false);
                if (outcome.Error is { } error)
                {
                    LogProtocolError(_logger, error.Code, error.Message);
                    return;
                }

                if (outcome.Packet is not { } packet || packet is DisconnectPacket)
                {
                    if (outcome.Reset)
                    {
                        LogMasterReset(_logger);
                    }
                    else if (!_agent.IsLeaving)
                    {
                        LogMasterClosed(_logger);
                    }

                    return;
                }

                _silence.Heard();
                if (packet is PublishPacket { Topic: AdminTopics.Monitor } publish)
                {
                    if (AdminMessageReader.TryReadMessage(publish.Payload.Span, deferNotifyBody: false, _agent.RawResponses, out var message, out var reason))
                    {
                        // While the hand-over runs (a module's handler inline, or a wait for room in a full mailbox:
                        // back-pressure) the master's frames, PINGRESPs too, wait in our socket: the silence is ours.
                        _silence.BeginDispatch();
                        try
                        {
                            var dispatch = _agent.OnMessageAsync(_mqtt, this, message, linked.Token);
                            if (!dispatch.IsCompletedSuccessfully)
                            {
                                await dispatch.ConfigureAwait(false);
                            }
                        }
                        finally
                        {
                            _silence.EndDispatch();
                        }
                    }
                    else
                    {
                        LogBadMessage(_logger, reason);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
        }
    }

    void IModuleReplyTarget.Reply(long reqId, object? body, Exception? error) => _agent.Reply(_mqtt, reqId, body, error);

    private void Heartbeat()
    {
        var silent = _silence.Tick();
        if (silent > (_options.HeartbeatInterval * 2) + _options.HeartbeatGrace)
        {
            LogMasterSilent(_logger, silent.TotalSeconds);
            _ = _mqtt.CloseAsync(sendDisconnect: false);
            return;
        }

        _ = _mqtt.SendAsync(PingReqPacket.Instance);
    }

    [LoggerMessage(2100, LogLevel.Warning, "Protocol error from master {Code}: {Reason}; reconnecting")]
    private static partial void LogProtocolError(ILogger logger, MqttErrorCode code, string reason);

    [LoggerMessage(2101, LogLevel.Warning, "Master closed the connection")]
    private static partial void LogMasterClosed(ILogger logger);

    [LoggerMessage(2104, LogLevel.Warning, "Master reset the connection")]
    private static partial void LogMasterReset(ILogger logger);

    [LoggerMessage(2102, LogLevel.Warning, "Bad message from master ignored: {Reason}")]
    private static partial void LogBadMessage(ILogger logger, string reason);

    [LoggerMessage(2103, LogLevel.Warning, "Master silent for {Seconds:0.0} s; dropping the connection")]
    private static partial void LogMasterSilent(ILogger logger, double seconds);
}
