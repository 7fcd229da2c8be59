using Microsoft.Extensions.Logging;

namespace Pomelo.Akka.Modules.Console;

/// <summary>Log messages of the console module (event ids 7100–7199).</summary>
public sealed partial class ConsoleModule
{
    [LoggerMessage(7100, LogLevel.Warning, "User {User} (level {Level}) denied console {Signal}")]
    private static partial void LogDenied(ILogger logger, string user, int level, string signal);

    [LoggerMessage(7101, LogLevel.Information, "User {User} runs console {Signal} {Arguments}")]
    private static partial void LogCommand(ILogger logger, string user, string signal, string arguments);

    [LoggerMessage(7102, LogLevel.Warning, "The master asked this server to {Signal}")]
    private static partial void LogSelf(ILogger logger, string signal);
}
