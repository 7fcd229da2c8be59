using System.Net;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;
using Pomelo.Akka.Internal;
using Pomelo.Akka.Protocol;
using Pomelo.Akka.Protocol.Mqtt;

namespace Pomelo.Akka.Master;

/// <summary>
/// The master's listener as a Kestrel connection handler: CONNECT, then register (or reconnect) under the register
/// deadline, authenticated by <see cref="MasterRegistrar"/>; only then does any module traffic flow.
/// </summary>
internal sealed partial class MasterConnectionHandler : ConnectionHandler
{
    private readonly MasterAgent _agent;
    private readonly MasterRegistrar _registrar;
    private readonly ILogger _logger;
    private readonly CancellationToken _stopping;

    public MasterConnectionHandler(MasterAgent agent, MasterRegistrar registrar, ILogger logger, CancellationToken stopping)
    {
        _agent = agent;
        _registrar = registrar;
        _logger = logger;
        _stopping = stopping;
    }

    public override async Task OnConnectedAsync(ConnectionContext connection)
    {
        var remote = (connection.RemoteEndPoint as IPEndPoint)?.Address ?? IPAddress.None;
        using var closed = CancellationTokenSource.CreateLinkedTokenSource(connection.ConnectionClosed, _stopping);
        var mqtt = new MqttConnection(connection.Transport, _agent.Options.MaxFrameSize, _agent.Scratch, closed.Token);
        MasterSession? session = null;
        try
        {
            session = await HandshakeAsync(mqtt, remote, closed.Token).ConfigureAwait(false);
            if (session is not null)
            {
                await session.RunAsync().ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogConnectionFailed(_logger, ex, remote.ToString());
        }
        catch (OperationCanceledException) when (closed.IsCancellationRequested)
        {
        }
        finally
        {
            if (session is not null)
            {
                _registrar.Unregister(session);
            }

            await mqtt.CloseAsync(sendDisconnect: session is not null && !connection.ConnectionClosed.IsCancellationRequested).ConfigureAwait(false);
        }
    }

    private async Task<MasterSession?> HandshakeAsync(MqttConnection mqtt, IPAddress remote, CancellationToken closed)
    {
        using var deadline = new CancellationTokenSource(_agent.Options.RegisterTimeout, _agent.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, closed);
        try
        {
            var first = await mqtt.ReadAsync(linked.Token).ConfigureAwait(false);
            if (first.Packet is not ConnectPacket connect)
            {
                LogNoConnect(_logger, remote.ToString(), first.Error?.Message ?? first.Packet?.Type.ToString() ?? "end of stream");
                return null;
            }

            await mqtt.SendAsync(new ConnAckPacket(0), linked.Token).ConfigureAwait(false);
            while (true)
            {
                var outcome = await mqtt.ReadAsync(linked.Token).ConfigureAwait(false);
                switch (outcome.Packet)
                {
                    case PingReqPacket:
                        await mqtt.SendAsync(PingRespPacket.Instance, linked.Token).ConfigureAwait(false);
                        continue;
                    case PublishPacket { Topic: AdminTopics.Register } publish:
                        return await _registrar.RegisterAsync(mqtt, remote, connect.KeepAliveSeconds, publish.Payload, AdminTopics.Register, linked.Token).ConfigureAwait(false);
                    case PublishPacket { Topic: AdminTopics.Reconnect } publish:
                        return await _registrar.RegisterAsync(mqtt, remote, connect.KeepAliveSeconds, publish.Payload, AdminTopics.ReconnectOk, linked.Token).ConfigureAwait(false);
                    case PublishPacket publish:
                        LogNotRegistered(_logger, remote.ToString(), publish.Topic);
                        return null;
                    default:
                        LogHandshakeEnded(_logger, remote.ToString(), outcome.Error?.Message ?? outcome.Packet?.Type.ToString() ?? "end of stream");
                        return null;
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !closed.IsCancellationRequested)
        {
            LogRegisterTimeout(_logger, remote.ToString(), _agent.Options.RegisterTimeout.TotalSeconds);
            await mqtt.SendRegisterReplyAsync(AdminTopics.Register, new RegisterReply(ProtocolCodes.Fail, ProtocolCodes.RegisterTimeout), CancellationToken.None).ConfigureAwait(false);
            await mqtt.CloseAsync(sendDisconnect: true).ConfigureAwait(false);
            return null;
        }
    }

    [LoggerMessage(1010, LogLevel.Warning, "Connection from {Address} did not start with CONNECT ({Got}); closing")]
    private static partial void LogNoConnect(ILogger logger, string address, string got);

    [LoggerMessage(1011, LogLevel.Warning, "Connection from {Address} sent {Topic} before registering; closing")]
    private static partial void LogNotRegistered(ILogger logger, string address, string topic);

    [LoggerMessage(1012, LogLevel.Warning, "Connection from {Address} did not register within {Seconds} s; closing")]
    private static partial void LogRegisterTimeout(ILogger logger, string address, double seconds);

    [LoggerMessage(1013, LogLevel.Information, "Connection from {Address} ended before registering ({Reason})")]
    private static partial void LogHandshakeEnded(ILogger logger, string address, string reason);

    [LoggerMessage(1014, LogLevel.Error, "Connection from {Address} failed")]
    private static partial void LogConnectionFailed(ILogger logger, Exception exception, string address);
}
