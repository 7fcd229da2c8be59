using Microsoft.Extensions.Logging;

namespace Pomelo.Akka.Node.Starter;

/// <summary>Log messages of the starter (event ids 9100–9199).</summary>
internal sealed partial class ProcessServerStarter
{
    [LoggerMessage(9100, LogLevel.Information, "Started server {ServerId} ({ServerType}) as pid {Pid} ({Where})")]
    private static partial void LogStarted(ILogger logger, string serverId, string serverType, int pid, string where);

    [LoggerMessage(9101, LogLevel.Warning, "Server {ServerId} (pid {Pid}) did not stop in time; killed")]
    private static partial void LogKilled(ILogger logger, string serverId, int pid);

    [LoggerMessage(9102, LogLevel.Information, "Server {ServerId} (pid {Pid}) exited with code {ExitCode}")]
    private static partial void LogExited(ILogger logger, string serverId, int pid, int exitCode);

    [LoggerMessage(9103, LogLevel.Warning, "Server {ServerId} died unasked; auto-restart #{Restarts} after {Seconds} s")]
    private static partial void LogAutoRestart(ILogger logger, string serverId, int restarts, double seconds);

    [LoggerMessage(9104, LogLevel.Error, "Server {ServerId} could not be restarted")]
    private static partial void LogRestartFailed(ILogger logger, Exception exception, string serverId);
}
