using System.CommandLine;
using Pomelo.Akka.Node.Cli.Shell;

namespace Pomelo.Akka.Node.Cli.Verbs;

/// <summary><c>shell</c> (also what runs without a verb): logs in once and reads verbs at a prompt.</summary>
internal static class ShellVerb
{
    public static Command Create(ICliRunner runner)
    {
        var command = new Command("shell", "Log in once and type verbs at a prompt (history, completion, 'use <server>').");
        command.SetAction((parse, cancellationToken) => RunAsync(runner, parse, cancellationToken));
        return command;
    }

    /// <summary>Starts the shell on a fresh login.</summary>
    /// <param name="runner">The command line's runner, which logs in.</param>
    /// <param name="parse">The parsed command line.</param>
    /// <param name="cancellationToken">Ends the shell.</param>
    /// <returns>The exit code: 0 on quit or end of input, 3 when the connection was lost.</returns>
    public static Task<int> RunAsync(ICliRunner runner, ParseResult parse, CancellationToken cancellationToken)
        => runner.RunAsync(parse, new VerbInvocation(AdminShell.RunAsync), cancellationToken);
}
