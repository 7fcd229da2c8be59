using Microsoft.Extensions.Logging;

namespace Pomelo.Akka.Modules.WatchServer;

/// <summary>The module's log messages (event ids 7000–7099).</summary>
public sealed partial class WatchServerModule
{
    [LoggerMessage(7000, LogLevel.Debug, "watchServer {Command} for {ServerId} by {User}")]
    private static partial void LogRequest(ILogger logger, string command, string serverId, string user);

    [LoggerMessage(7001, LogLevel.Warning, "watchServer {Command} denied to {User} (level {Level})")]
    private static partial void LogDenied(ILogger logger, string command, string user, int level);

    [LoggerMessage(7002, LogLevel.Warning, "watchServer on {ServerId}: invalid request from {Sender}")]
    private static partial void LogInvalidRequest(ILogger logger, string serverId, string sender);

    [LoggerMessage(7003, LogLevel.Information, "watchServer set {Key} on {ServerId}")]
    private static partial void LogSettingChanged(ILogger logger, string key, string serverId);
}
