using System.Net;
using Microsoft.Extensions.Logging;
using Pomelo.Akka.Internal;
using Pomelo.Akka.Protocol;
using Pomelo.Akka.Protocol.Mqtt;

namespace Pomelo.Akka.Master;

/// <summary>
/// A registered connection at the master (a monitor or a client): reads frames until the peer leaves, answers pings,
/// tracks when the peer was last heard from, and hands each PUBLISH to the role-specific session.
/// </summary>
internal abstract partial class MasterSession
{
    private long _lastSeen;
    private int _inflight;

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

    /// <summary>Gets the timestamp (from the agent's <see cref="TimeProvider"/>) of the last frame received.</summary>
    public long LastSeen => Volatile.Read(ref _lastSeen);

    public abstract string PeerId { get; }

    /// <summary>Gets whether the peer ended the session with DISCONNECT (a clean stop).</summary>
    public bool LeftCleanly { get; private set; }

    protected ILogger Logger { get; }

    protected abstract string Topic { get; }

    /// <summary>Reads frames until the peer disconnects, the connection breaks or <paramref name="cancellationToken"/> fires.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, Connection.Closed);
        try
        {
            while (true)
            {
                var outcome = await Connection.ReadAsync(linked.Token).ConfigureAwait(false);
                if (outcome.Error is { } error)
                {
                    LogProtocolError(Logger, PeerId, error.Code, error.Message);
                    return;
                }

                if (outcome.Packet is not { } packet)
                {
                    LogClosed(Logger, PeerId);
                    return;
                }

                Touch();
                OnFrame(packet);
                switch (packet)
                {
                    case PingReqPacket:
                        await Connection.SendAsync(PingRespPacket.Instance, linked.Token).ConfigureAwait(false);
                        break;
                    case DisconnectPacket:
                        LeftCleanly = true;
                        LogLeft(Logger, PeerId);
                        return;
                    case PublishPacket publish when publish.Topic == Topic:
                        OnMessage(publish.Payload);
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
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
        }
    }

    /// <summary>Parses a PUBLISH on this session's topic; bad JSON closes this one connection.</summary>
    protected void OnMessage(ReadOnlyMemory<byte> payload)
    {
        if (!AdminMessageReader.TryReadMessage(payload.Span, out var message, out var error))
        {
            LogBadMessage(Logger, PeerId, error);
            _ = Connection.CloseAsync(sendDisconnect: true);
            return;
        }

        OnMessage(message);
    }

    protected abstract void OnMessage(AdminMessage message);

    /// <summary>Called for every frame received.</summary>
    /// <param name="packet">The frame.</param>
    protected virtual void OnFrame(MqttPacket packet)
    {
    }

    /// <summary>Runs a request's handler off the read loop and sends its response; bounded per connection.</summary>
    protected void Respond(long reqId, Func<Task<object?>> handle)
    {
        if (Interlocked.Increment(ref _inflight) > Agent.Options.MaxInflightPerConnection)
        {
            Interlocked.Decrement(ref _inflight);
            LogTooManyInflight(Logger, PeerId);
            _ = Connection.SendResponseAsync(Agent.Writer, Topic, reqId, "too many requests in flight", null);
            return;
        }

        _ = RespondAsync(reqId, handle);
    }

    private Task RespondAsync(long reqId, Func<Task<object?>> handle)
        => Connection.RespondAsync(
            Agent.Writer,
            Topic,
            reqId,
            async () =>
            {
                try
                {
                    return await handle().ConfigureAwait(false);
                }
                finally
                {
                    Interlocked.Decrement(ref _inflight);
                }
            },
            ex => LogReplyFailed(Logger, ex, PeerId, reqId));

    private void Touch() => Volatile.Write(ref _lastSeen, Agent.Time.GetTimestamp());
}
