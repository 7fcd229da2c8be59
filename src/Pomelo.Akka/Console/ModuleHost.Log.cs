using Microsoft.Extensions.Logging;

namespace Pomelo.Akka.Console;

/// <summary>Log messages of the module host (event ids 3100–3199).</summary>
internal sealed partial class ModuleHost
{
    [LoggerMessage(3100, LogLevel.Warning, "Unknown module {ModuleId}")]
    private static partial void LogUnknownModule(ILogger logger, string moduleId);

    [LoggerMessage(3101, LogLevel.Warning, "Module {ModuleId} mailbox full; notify dropped")]
    private static partial void LogNotifyDropped(ILogger logger, string moduleId);

    [LoggerMessage(3102, LogLevel.Warning, "Module {ModuleId} mailbox full; tick skipped")]
    private static partial void LogTickDropped(ILogger logger, string moduleId);

    [LoggerMessage(3103, LogLevel.Information, "Module {ModuleId} enabled")]
    private static partial void LogEnabled(ILogger logger, string moduleId);

    [LoggerMessage(3104, LogLevel.Information, "Module {ModuleId} disabled")]
    private static partial void LogDisabled(ILogger logger, string moduleId);
}
