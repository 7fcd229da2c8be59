using System.Net;
using Microsoft.Extensions.Logging;
using Pomelo.Akka.Internal;
using Pomelo.Akka.Protocol;
using Pomelo.Akka.Protocol.Mqtt;

namespace Pomelo.Akka.Master;

/// <summary>A registered monitor at the master: responses complete pending requests; requests and notifies go to master handlers.</summary>
internal sealed partial class MonitorSession : MasterSession
{
    public MonitorSession(MasterAgent agent, MqttConnection connection, string serverId, string serverType, long incarnation, IPAddress remoteAddress, ushort keepAliveSeconds, ILogger logger)
        : base(agent, connection, remoteAddress, keepAliveSeconds, logger)
    {
        ServerId = serverId;
        ServerType = serverType;
        Incarnation = incarnation;
        connection.OutputDrained = OnOutputDrained;
    }

    public string ServerId { get; }

    public string ServerType { get; }

    public long Incarnation { get; }

    /// <summary>Gets or sets whether a liveness probe is in flight (for peers that do not heartbeat).</summary>
    public int ProbeInFlight;

    public override string PeerId => ServerId;

    /// <summary>
    /// Feeds the failure detector with heartbeats only (PINGREQ), as Akka does, so irregular module traffic does not
    /// widen the interval distribution; a peer that does not heartbeat (pomelo's keep-alive 0) is fed by any frame,
    /// which includes the replies to the master's probes.
    /// </summary>
    protected override void OnFrame(MqttPacket packet)
    {
        if (packet is PingReqPacket || KeepAlive <= TimeSpan.Zero)
        {
            Agent.Membership.Heartbeat(ServerId, Incarnation);
        }
    }

    /// <summary>
    /// A wait on a full mailbox held this read loop, and with it the peer's PINGREQs behind the notify: the peer was
    /// alive (it sent more than we could take), so the wait counts as a sign of life — the failure detector must not take
    /// our own slow module for a dead peer. A peer that dies stops causing waits once its backlog is read.
    /// </summary>
    protected override void OnBackPressureWaited() => Agent.Membership.Alive(ServerId, Incarnation);

    /// <summary>
    /// The monitor read bytes that were waiting for it (a flush held by back-pressure went through): it is alive, only
    /// too busy taking in what we send (a large map in a registration storm) for its own heartbeats to get out. A monitor
    /// that hangs stops draining once its socket buffers are full, and from then on only its heartbeats count.
    /// </summary>
    private void OnOutputDrained() => Agent.Membership.Alive(ServerId, Incarnation);

    protected override string Topic => AdminTopics.Monitor;

    /// <summary>A monitor's notify stream is the master's busiest input: its bodies are parsed by their module's actor, off this read loop.</summary>
    protected override bool DefersNotifyBodies => true;

    protected override ValueTask OnMessageAsync(AdminMessage message, CancellationToken cancellationToken)
    {
        switch (message)
        {
            case ResponseMessage response:
                if (!Agent.Pending.TryComplete(response.RespId, ServerId, response.Error, response.Body))
                {
                    LogUnknownResponse(Logger, ServerId, response.RespId);
                }

                break;
            case RequestMessage request:
                if (TryBeginRequest(request.ReqId))
                {
                    Agent.Console.AskMasterHandler(request.ModuleId, request.Body, this, request.ReqId);
                }

                break;
            case DeferredNotifyMessage notify:
                return Agent.Console.NotifyMasterHandlerAsync(notify.ModuleId, notify.Body, Kicks, cancellationToken);
            case NotifyMessage notify:
                return Agent.Console.NotifyMasterHandlerAsync(notify.ModuleId, notify.Body, cancellationToken);
            case CommandMessage command:
                LogCommandIgnored(Logger, ServerId, command.Command);
                break;
        }

        return ValueTask.CompletedTask;
    }

    [LoggerMessage(1200, LogLevel.Warning, "{ServerId}: response to unknown or expired request {RespId}")]
    private static partial void LogUnknownResponse(ILogger logger, string serverId, long respId);

    [LoggerMessage(1201, LogLevel.Warning, "{ServerId}: monitors may not send commands ({Command}); ignored")]
    private static partial void LogCommandIgnored(ILogger logger, string serverId, string command);
}
