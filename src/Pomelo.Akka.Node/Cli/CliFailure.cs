namespace Pomelo.Akka.Node.Cli;

/// <summary>A failure as the user sees it: its exit code and one line.</summary>
/// <param name="ExitCode">The exit code.</param>
/// <param name="Message">The message, printed after <c>error: </c>.</param>
internal readonly record struct CliFailure(int ExitCode, string Message);
