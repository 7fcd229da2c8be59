using Microsoft.Extensions.Logging;

namespace Pomelo.Akka.Master;

/// <summary>Log messages of registration (event ids 1020–1039).</summary>
internal sealed partial class MasterRegistrar
{
    [LoggerMessage(1020, LogLevel.Warning, "Bad register message from {Address}: {Reason}")]
    private static partial void LogBadRegister(ILogger logger, string address, string reason);

    [LoggerMessage(1021, LogLevel.Warning, "Server {ServerId} ({ServerType}) from {Address} refused: server auth failed")]
    private static partial void LogServerRefused(ILogger logger, string serverId, string serverType, string address);

    [LoggerMessage(1022, LogLevel.Warning, "Id {Id} from {Address} refused: already registered")]
    private static partial void LogDuplicate(ILogger logger, string id, string address);

    [LoggerMessage(1023, LogLevel.Information, "Client user {User} (level {Level}, id {ClientId}) logged in from {Address}")]
    private static partial void LogClientLoggedIn(ILogger logger, string user, int level, string clientId, string address);

    [LoggerMessage(1024, LogLevel.Information, "Client user {User} (id {ClientId}) left")]
    private static partial void LogClientLeft(ILogger logger, string user, string clientId);

    [LoggerMessage(1025, LogLevel.Information, "Token-less reconnect of {ServerId}: resumed {Resumed} (dropped {Seconds:0.0} s ago)")]
    private static partial void LogResume(ILogger logger, string serverId, bool resumed, double seconds);
}
