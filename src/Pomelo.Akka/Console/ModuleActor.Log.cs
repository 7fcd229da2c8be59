using Microsoft.Extensions.Logging;

namespace Pomelo.Akka.Console;

/// <summary>Log messages of module actors (event ids 3000–3099).</summary>
internal sealed partial class ModuleActor
{
    [LoggerMessage(3000, LogLevel.Warning, "Module {ModuleId} {Handler} threw (tick: {IsTick})")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string moduleId, string handler, bool isTick);

    [LoggerMessage(3001, LogLevel.Warning, "Module {ModuleId} restarting in {BackoffMs} ms (restart #{Restarts})")]
    private static partial void LogRestarting(ILogger logger, string moduleId, double backoffMs, int restarts);

    [LoggerMessage(3002, LogLevel.Error, "Module {ModuleId} marked failed after {Restarts} restarts; last error: {LastError}")]
    private static partial void LogModuleFailed(ILogger logger, string moduleId, int restarts, string? lastError);

    [LoggerMessage(3003, LogLevel.Error, "Module {ModuleId} factory threw")]
    private static partial void LogFactoryFailed(ILogger logger, Exception exception, string moduleId);

    [LoggerMessage(3004, LogLevel.Error, "Module {ModuleId} start threw")]
    private static partial void LogStartFailed(ILogger logger, Exception exception, string moduleId);

    [LoggerMessage(3005, LogLevel.Warning, "Module {ModuleId} has no {Handler}")]
    private static partial void LogNoHandler(ILogger logger, string moduleId, string handler);

    [LoggerMessage(3006, LogLevel.Information, "Module {ModuleId} revived")]
    private static partial void LogRevived(ILogger logger, string moduleId);

    [LoggerMessage(3007, LogLevel.Warning, "Module {ModuleId} dispose threw")]
    private static partial void LogDisposeFailed(ILogger logger, Exception exception, string moduleId);

    [LoggerMessage(3008, LogLevel.Error, "Module {ModuleId} mailbox error; going on with the next message")]
    private static partial void LogMailboxError(ILogger logger, Exception exception, string moduleId);
}
