using System.Net;
using Microsoft.Extensions.Logging;
using Pomelo.Akka.Console;
using Pomelo.Akka.Internal;
using Pomelo.Akka.Protocol;
using Pomelo.Akka.Protocol.Mqtt;

namespace Pomelo.Akka.Master;

/// <summary>
/// A registered connection at the master (a monitor or a client): reads frames until the peer leaves, answers pings,
/// tracks when the peer was last heard from, and hands each PUBLISH to the role-specific session.
/// </summary>
/// <remarks>
/// Back-pressure: a notify whose module's mailbox is full is awaited by this read loop (up to
/// <see cref="ModuleSupervisionOptions.MailboxFullWait"/>), so the peer's further frames wait in the socket and TCP slows
/// the sender instead of the notify being dropped. That blocks every module's traffic on this one connection for as
/// long (head-of-line blocking, accepted as the price of back-pressure; other connections are not affected); the
/// bound keeps PINGREQ/PINGRESP and replies flowing often enough that the failure detector never takes a slow module
/// for a dead peer (and each wait counts as a sign of life, see <see cref="OnBackPressureWaited"/>). Requests never
/// wait: a full mailbox answers "busy" at once.
/// </remarks>
internal abstract partial class MasterSession : IModuleReplyTarget
{
    private static readonly TimeSpan WarningInterval = TimeSpan.FromSeconds(10);

    private long _lastSeen;
    private int _inflight;
    private LogThrottle? _inflightWarnings;
    private Action<Exception, long>? _onUnserialisable;

    // Owned by the read loop: the PINGRESP still on its way, if any.
    private Task<bool>? _pong;

    protected MasterSession(MasterAgent agent, MqttConnection connection, IPAddress remoteAddress, ushort keepAliveSeconds, ILogger logger)
    {
        Agent = agent;
        Connection = connection;
        RemoteAddress = remoteAddress;
        KeepAlive = TimeSpan.FromSeconds(keepAliveSeconds);
        Logger = logger;
        Touch();
    }

    public MasterAgent Agent { get; }

    public MqttConnection Connection { get; }

    public IPAddress RemoteAddress { get; }

    /// <summary>Gets the keep-alive the peer declared in CONNECT (zero: it does not heartbeat).</summary>
    public TimeSpan KeepAlive { get; }

    /// <summary>
    /// Gets the timestamp (from the agent's <see cref="TimeProvider"/>) of the last frame received: taken when the
    /// first frame of a pipe buffer is handed out (the frames after it arrived with it) and after each back-pressure
    /// wait.
    /// </summary>
    public long LastSeen => Volatile.Read(ref _lastSeen);

    public abstract string PeerId { get; }

    /// <summary>Gets whether the peer ended the session with DISCONNECT (a clean stop).</summary>
    public bool LeftCleanly { get; private set; }

    protected ILogger Logger { get; }

    /// <summary>
    /// Gets the drains this read loop starts when it has no frame left at hand (see <see cref="DrainKicks"/>); for
    /// dispatches made from the read loop only.
    /// </summary>
    protected DrainKicks Kicks { get; } = new();

    protected abstract string Topic { get; }

    /// <summary>
    /// Reads frames until the peer disconnects or the connection's <see cref="MqttConnection.Closed"/> fires (closed,
    /// broken, or its lifetime ended: the socket closed or the master stops). That one token serves the whole loop,
    /// so a session holds no linked token source of its own.
    /// </summary>
    public async Task RunAsync()
    {
        var closed = Connection.Closed;
        var touchedAtRead = -1L;
        try
        {
            while (true)
            {
                var reading = Connection.ReadAsync(closed);
                if (!reading.IsCompleted)
                {
                    // No frame left at hand: the actors fed by the frames just read start draining now.
                    Kicks.Flush();
                }

                var outcome = await reading.ConfigureAwait(false);
                if (outcome.Error is { } error)
                {
                    LogProtocolError(Logger, PeerId, error.Code, error.Message);
                    return;
                }

                if (outcome.Packet is not { } packet)
                {
                    if (outcome.Reset)
                    {
                        LogReset(Logger, PeerId);
                    }
                    else
                    {
                        LogClosed(Logger, PeerId);
                    }

                    return;
                }

                // Frames handed out of one pipe buffer arrived together: one clock read for all of them.
                if (Connection.BufferReads != touchedAtRead)
                {
                    touchedAtRead = Connection.BufferReads;
                    Touch();
                }

                OnFrame(packet);
                switch (packet)
                {
                    case PingReqPacket:
                        Pong(closed);
                        break;
                    case DisconnectPacket:
                        LeftCleanly = true;
                        LogLeft(Logger, PeerId);
                        return;
                    case PublishPacket publish when publish.Topic == Topic:
                        var dispatch = OnMessageAsync(publish.Payload, closed);
                        if (!dispatch.IsCompletedSuccessfully)
                        {
                            Kicks.Flush();
                            await dispatch.ConfigureAwait(false);
                            Touch();
                            OnBackPressureWaited();
                        }

                        break;
                    case PublishPacket publish:
                        LogUnexpectedTopic(Logger, PeerId, publish.Topic);
                        break;
                    default:
                        LogUnexpectedPacket(Logger, PeerId, packet.Type);
                        return;
                }
            }
        }
        catch (OperationCanceledException) when (closed.IsCancellationRequested)
        {
        }
        finally
        {
            Kicks.Flush();
        }
    }

    /// <summary>
    /// Answers a PINGREQ without waiting for the flush: a read loop waiting on output back-pressure (a large frame going
    /// out to a slow reader) would stop reading the peer's next heartbeats and let the failure detector take a live
    /// peer for a dead one. While an answer is still on its way, further PINGREQs need none of their own.
    /// </summary>
    private void Pong(CancellationToken closed)
    {
        if (_pong is { IsCompleted: false })
        {
            return;
        }

        var sent = Connection.SendAsync(PingRespPacket.Instance, closed);
        _pong = sent.IsCompleted ? null : sent.AsTask();
    }

    /// <summary>Parses a PUBLISH on this session's topic; bad JSON closes this one connection.</summary>
    protected ValueTask OnMessageAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        if (!AdminMessageReader.TryReadMessage(payload.Span, DefersNotifyBodies, out var message, out var error))
        {
            LogBadMessage(Logger, PeerId, error);
            _ = Connection.CloseAsync(sendDisconnect: true);
            return ValueTask.CompletedTask;
        }

        return OnMessageAsync(message, cancellationToken);
    }

    /// <summary>Gets whether notifies reach <see cref="OnMessageAsync(AdminMessage, CancellationToken)"/> as <see cref="DeferredNotifyMessage"/>, parsed by their module.</summary>
    protected virtual bool DefersNotifyBodies => false;

    /// <summary>Dispatches one message; the read loop waits for the returned task (back-pressure of notifies).</summary>
    protected abstract ValueTask OnMessageAsync(AdminMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// Called after this read loop waited for a module's mailbox (back-pressure): the peer's frames, heartbeats
    /// included, were waiting in our socket meanwhile, so the silence was ours, not the peer's.
    /// </summary>
    protected virtual void OnBackPressureWaited()
    {
    }

    /// <summary>Called for every frame received.</summary>
    /// <param name="packet">The frame.</param>
    protected virtual void OnFrame(MqttPacket packet)
    {
    }

    /// <summary>
    /// Counts a request against <see cref="MasterOptions.MaxInflightPerConnection"/>; over the limit it is answered
    /// "too many requests in flight" (with a rate-limited warning) and false is returned. A true return must be
    /// balanced by exactly one <see cref="IModuleReplyTarget.Reply"/> (or the completion of <see cref="Respond"/>).
    /// </summary>
    protected bool TryBeginRequest(long reqId)
    {
        if (Interlocked.Increment(ref _inflight) <= Agent.Options.MaxInflightPerConnection)
        {
            return true;
        }

        Interlocked.Decrement(ref _inflight);
        var throttle = _inflightWarnings ??= new LogThrottle(Agent.Time, WarningInterval);
        if (throttle.TryHit(out var count))
        {
            LogTooManyInflight(Logger, PeerId, count);
        }

        _ = Connection.SendResponseAsync(Agent.Writer, Topic, reqId, "too many requests in flight", null);
        return false;
    }

    /// <summary>Runs a request's handler off the read loop and sends its response; bounded per connection.</summary>
    protected void Respond(long reqId, Func<Task<object?>> handle)
    {
        if (TryBeginRequest(reqId))
        {
            _ = RespondAsync(reqId, handle);
        }
    }

    /// <summary>A module's reply to a request of this peer, sent from the module actor's thread.</summary>
    void IModuleReplyTarget.Reply(long reqId, object? body, Exception? error)
    {
        Interlocked.Decrement(ref _inflight);
        Connection.SendReply(Agent.Writer, Topic, reqId, body, error, _onUnserialisable ??= (ex, id) => LogReplyFailed(Logger, ex, PeerId, id));
    }

    private async Task RespondAsync(long reqId, Func<Task<object?>> handle)
    {
        object? body = null;
        Exception? error = null;
        try
        {
            body = await handle().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            error = ex;
        }

        ((IModuleReplyTarget)this).Reply(reqId, body, error);
    }

    private void Touch() => Volatile.Write(ref _lastSeen, Agent.Time.GetTimestamp());
}
