using System.Net;
using Microsoft.Extensions.Logging;
using Pomelo.Akka.Internal;
using Pomelo.Akka.Protocol;

namespace Pomelo.Akka.Master;

/// <summary>A registered monitor at the master: responses complete pending requests; requests and notifies go to master handlers.</summary>
internal sealed partial class MonitorSession : MasterSession
{
    public MonitorSession(MasterAgent agent, MqttConnection connection, RegisteredServer server, ushort keepAliveSeconds, ILogger logger)
        : base(agent, connection, server.RemoteAddress, keepAliveSeconds, logger)
    {
        Server = server;
    }

    public RegisteredServer Server { get; }

    public override string PeerId => Server.Id;

    protected override string Topic => AdminTopics.Monitor;

    protected override void OnMessage(AdminMessage message)
    {
        switch (message)
        {
            case ResponseMessage response:
                if (!Agent.Pending.TryComplete(response.RespId, Server.Id, response.Error, response.Body))
                {
                    LogUnknownResponse(Logger, Server.Id, response.RespId);
                }

                break;
            case RequestMessage request:
                Respond(request.ReqId, () => Agent.Console.RequestMasterHandlerAsync(request.ModuleId, request.Body));
                break;
            case NotifyMessage notify:
                Agent.Console.NotifyMasterHandler(notify.ModuleId, notify.Body);
                break;
            case CommandMessage command:
                LogCommandIgnored(Logger, Server.Id, command.Command);
                break;
        }
    }

    [LoggerMessage(1200, LogLevel.Warning, "{ServerId}: response to unknown or expired request {RespId}")]
    private static partial void LogUnknownResponse(ILogger logger, string serverId, long respId);

    [LoggerMessage(1201, LogLevel.Warning, "{ServerId}: monitors may not send commands ({Command}); ignored")]
    private static partial void LogCommandIgnored(ILogger logger, string serverId, string command);
}
