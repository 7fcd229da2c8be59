using Microsoft.Extensions.Logging;

namespace Pomelo.Akka.Monitor;

/// <summary>Log messages of the monitor agent (event ids 2000–2099).</summary>
internal sealed partial class MonitorAgent
{
    [LoggerMessage(2000, LogLevel.Information, "Monitor {ServerId} registered with master {Host}:{Port} (registration #{Count})")]
    private static partial void LogRegistered(ILogger logger, string serverId, string host, int port, int count);

    [LoggerMessage(2001, LogLevel.Warning, "Monitor {ServerId} cannot reach master {Host}:{Port} (attempt {Attempt}): {Reason}; retrying")]
    private static partial void LogConnectFailed(ILogger logger, string serverId, string host, int port, int attempt, string reason);

    [LoggerMessage(2002, LogLevel.Warning, "Monitor {ServerId} lost the master; {Failed} pending requests failed; reconnecting")]
    private static partial void LogDisconnected(ILogger logger, string serverId, int failed);

    [LoggerMessage(2005, LogLevel.Information, "Monitor {ServerId} stopped; {Failed} pending requests failed")]
    private static partial void LogStopped(ILogger logger, string serverId, int failed);

    [LoggerMessage(2003, LogLevel.Warning, "Response to unknown or expired request {RespId}")]
    private static partial void LogUnknownResponse(ILogger logger, long respId);

    [LoggerMessage(2004, LogLevel.Error, "Reply to request {ReqId} failed")]
    private static partial void LogReplyFailed(ILogger logger, Exception exception, long reqId);
}
