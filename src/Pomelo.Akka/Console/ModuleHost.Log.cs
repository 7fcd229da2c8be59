using Microsoft.Extensions.Logging;

namespace Pomelo.Akka.Console;

/// <summary>Log messages of the module host (event ids 3100–3199).</summary>
internal sealed partial class ModuleHost
{
    [LoggerMessage(3100, LogLevel.Warning, "Unknown module {ModuleId} ({Count} messages to unknown modules since the last report)")]
    private static partial void LogUnknownModule(ILogger logger, string moduleId, long count);

    [LoggerMessage(3101, LogLevel.Warning, "Module {ModuleId} mailbox still full after {WaitMs} ms; {Count} notifies dropped since the last report")]
    private static partial void LogNotifyDropped(ILogger logger, string moduleId, double waitMs, long count);

    [LoggerMessage(3102, LogLevel.Warning, "Module {ModuleId} mailbox full; {Count} ticks skipped since the last report")]
    private static partial void LogTickDropped(ILogger logger, string moduleId, long count);

    [LoggerMessage(3105, LogLevel.Warning, "Module {ModuleId} mailbox full ({Capacity}); {Count} requests answered busy since the last report")]
    private static partial void LogBusy(ILogger logger, string moduleId, int capacity, long count);

    [LoggerMessage(3103, LogLevel.Information, "Module {ModuleId} enabled")]
    private static partial void LogEnabled(ILogger logger, string moduleId);

    [LoggerMessage(3104, LogLevel.Information, "Module {ModuleId} disabled")]
    private static partial void LogDisabled(ILogger logger, string moduleId);
}
