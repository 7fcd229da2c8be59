using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Logging;
using Pomelo.Akka.Protocol;
using Pomelo.Akka.Protocol.Mqtt;

namespace Pomelo.Akka.Internal;

/// <summary>
/// A monitor's or client's connection to the master: TCP over Kestrel's socket transport, CONNECT/CONNACK, then the
/// register exchange. Owns the socket; dispose to close it.
/// </summary>
internal sealed class OutboundConnection : IAsyncDisposable
{
    /// <summary>How long a leaving peer waits for the master to close after its DISCONNECT (<see cref="AbandonAsync"/>, a monitor that stops).</summary>
    public static readonly TimeSpan AbandonTimeout = TimeSpan.FromSeconds(2);

    private readonly SocketConnectionContextFactory _factory;
    private readonly ConnectionContext _context;

    private OutboundConnection(SocketConnectionContextFactory factory, ConnectionContext context, MqttConnection mqtt)
    {
        _factory = factory;
        _context = context;
        Mqtt = mqtt;
    }

    public MqttConnection Mqtt { get; }

    /// <summary>
    /// Connects and completes the MQTT handshake within <paramref name="timeout"/>. <paramref name="sendBeforeConnAck"/>,
    /// when given, writes right behind CONNECT, before CONNACK is read: MQTT 3.1.1 (§3.1.4) lets a client send further
    /// packets at once, and a register sent that way saves its connection a round trip (the master reads CONNECT and
    /// the register together; pomelo's master handles them in order too). CONNACK then has <paramref name="connAckTimeout"/>
    /// (default: what is left of <paramref name="timeout"/>) from the moment the socket is connected: a master busy with a
    /// storm answers the pipelined register with it, so it deserves the register's time, not the connect's remainder.
    /// </summary>
    public static async Task<OutboundConnection> ConnectAsync(string host, int port, string clientId, ushort keepAliveSeconds, int maxFrameSize, TimeSpan timeout, TimeProvider time, ILoggerFactory loggerFactory, CancellationToken cancellationToken, Func<MqttConnection, CancellationToken, ValueTask<bool>>? sendBeforeConnAck = null, TimeSpan? connAckTimeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            // An address needs no name resolution: connecting to it directly skips the multi-address connect machinery.
            EndPoint endPoint = IPAddress.TryParse(host, out var address) ? new IPEndPoint(address, port) : new DnsEndPoint(host, port);
            await socket.ConnectAsync(endPoint, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            throw new TimeoutException($"connect to {host}:{port} timed out after {timeout.TotalSeconds:0.#} s");
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        if (connAckTimeout is { } connAck)
        {
            timeout = connAck;
            deadline.CancelAfter(connAck);
        }

        var factory = new SocketConnectionContextFactory(new SocketConnectionFactoryOptions(), loggerFactory.CreateLogger<OutboundConnection>());
        var context = factory.Create(socket);
        var connection = new OutboundConnection(factory, context, new MqttConnection(context.Transport, maxFrameSize));
        try
        {
            await connection.Mqtt.SendAsync(new ConnectPacket(clientId, keepAliveSeconds), linked.Token).ConfigureAwait(false);
            if (sendBeforeConnAck is not null)
            {
                await sendBeforeConnAck(connection.Mqtt, linked.Token).ConfigureAwait(false);
            }

            var outcome = await connection.Mqtt.ReadAsync(linked.Token).ConfigureAwait(false);
            if (outcome.Packet is not ConnAckPacket { ReturnCode: 0 })
            {
                throw new IOException($"{host}:{port} did not accept CONNECT ({outcome.Error?.Message ?? outcome.Packet?.ToString() ?? "connection closed"})");
            }

            return connection;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            if (sendBeforeConnAck is not null)
            {
                // What went behind CONNECT may have registered us with a master too busy (or a process of ours too
                // starved) for CONNACK to be read in time: leave cleanly, as after a late register reply, so the master
                // records a leave and not a failure (a bare close here made 192 monitors Unreachable in one storm).
                await connection.AbandonAsync(AbandonTimeout, time, cancellationToken).ConfigureAwait(false);
            }

            await connection.DisposeAsync().ConfigureAwait(false);
            throw new TimeoutException($"{host}:{port} did not answer CONNECT within {timeout.TotalSeconds:0.#} s");
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Waits for the master's reply on <paramref name="replyTopic"/> to the register that went behind CONNECT (see
    /// <see cref="SendRegister"/>).
    /// </summary>
    public async Task<RegisterReply> ReadRegisterReplyAsync(string replyTopic, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        try
        {
            while (true)
            {
                var outcome = await Mqtt.ReadAsync(linked.Token).ConfigureAwait(false);
                switch (outcome.Packet)
                {
                    case PublishPacket publish when publish.Topic == replyTopic:
                        return AdminMessageReader.TryReadRegisterReply(publish.Payload.Span, out var reply, out var error)
                            ? reply
                            : throw new IOException("bad register reply: " + error);
                    case PingRespPacket:
                    case PublishPacket:
                        continue;
                    default:
                        throw new IOException("connection closed while registering (" + (outcome.Error?.Message ?? "no reply") + ")");
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // The master may have registered us and its reply be queued behind a busy peer: giving up without a word
            // would look like a failure to it (Unreachable). Leave cleanly instead, then the caller retries.
            await AbandonAsync(AbandonTimeout, time, cancellationToken).ConfigureAwait(false);
            throw new TimeoutException($"no register reply within {timeout.TotalSeconds:0.#} s");
        }
    }

    /// <summary>Makes the <c>sendBeforeConnAck</c> of <see cref="ConnectAsync"/> that sends <paramref name="request"/> on <paramref name="topic"/>.</summary>
    public static Func<MqttConnection, CancellationToken, ValueTask<bool>> SendRegister(AdminMessageWriter writer, string topic, RegisterRequest request)
        => (mqtt, cancellationToken) => mqtt.SendRegisterAsync(writer, topic, request, cancellationToken);

    /// <summary>
    /// Gives this connection up cleanly: DISCONNECT, then reads and drops whatever the master still sends until it
    /// closes its end (bounded by <paramref name="timeout"/>): closing a socket with unread bytes resets it, and a
    /// reset can cost the master the DISCONNECT.
    /// </summary>
    public async Task AbandonAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!await Mqtt.SendAsync(DisconnectPacket.Instance, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        try
        {
            while ((await Mqtt.ReadAsync(linked.Token).ConfigureAwait(false)).Packet is not null)
            {
            }
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            // The master did not close in time (or we are stopping): close anyway.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Mqtt.CloseAsync(sendDisconnect: false).ConfigureAwait(false);
        await _context.DisposeAsync().ConfigureAwait(false);
        _factory.Dispose();
    }
}
