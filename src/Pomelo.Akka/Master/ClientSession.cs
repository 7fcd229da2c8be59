using Microsoft.Extensions.Logging;
using Pomelo.Akka.Console;
using Pomelo.Akka.Internal;
using Pomelo.Akka.Protocol;

namespace Pomelo.Akka.Master;

/// <summary>
/// A logged-in admin client at the master. Every request runs with the level of this authenticated connection;
/// the <c>clientId</c> and <c>username</c> pomelo clients put in bodies are never trusted.
/// </summary>
internal sealed partial class ClientSession : MasterSession
{
    public ClientSession(MasterAgent agent, MqttConnection connection, ClientCaller caller, ushort keepAliveSeconds, ILogger logger)
        : base(agent, connection, caller.RemoteAddress, keepAliveSeconds, logger)
    {
        Caller = caller;
    }

    public ClientCaller Caller { get; }

    public override string PeerId => "client " + Caller.ClientId + " (" + Caller.Username + ")";

    protected override string Topic => AdminTopics.Client;

    protected override ValueTask OnMessageAsync(AdminMessage message, CancellationToken cancellationToken)
    {
        switch (message)
        {
            case CommandMessage command when command.ReqId is { } reqId:
                Respond(reqId, () => Agent.Console.CommandAsync(Caller, command, Connection.Closed));
                break;
            case CommandMessage command:
                _ = RunCommandAsync(command);
                break;
            case RequestMessage request:
                if (TryBeginRequest(request.ReqId))
                {
                    Agent.Console.AskClientHandler(Caller, request.ModuleId, request.Body, this, request.ReqId);
                }

                break;
            case NotifyMessage notify:
                return Agent.Console.NotifyClientHandlerAsync(Caller, notify.ModuleId, notify.Body, cancellationToken);
            case ResponseMessage response:
                LogUnexpectedResponse(Logger, PeerId, response.RespId);
                break;
        }

        return ValueTask.CompletedTask;
    }

    private async Task RunCommandAsync(CommandMessage command)
    {
        try
        {
            await Agent.Console.CommandAsync(Caller, command, Connection.Closed).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogCommandFailed(Logger, PeerId, command.Command, ex.Message);
        }
    }

    [LoggerMessage(1300, LogLevel.Warning, "{Peer}: clients are never asked, so response {RespId} is ignored")]
    private static partial void LogUnexpectedResponse(ILogger logger, string peer, long respId);

    [LoggerMessage(1301, LogLevel.Warning, "{Peer}: command {Command} failed: {Reason}")]
    private static partial void LogCommandFailed(ILogger logger, string peer, string command, string reason);
}
