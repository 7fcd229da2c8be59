using System.CommandLine;

namespace Pomelo.Akka.Node.Cli;

/// <summary>
/// Runs a verb: on the command line by connecting and logging in for that one verb, in the shell on the connection
/// that is already open. Either way it asks for confirmation first when needed and maps failures to exit codes.
/// </summary>
internal interface ICliRunner
{
    /// <summary>Runs the verb.</summary>
    /// <param name="parse">The parsed verb line.</param>
    /// <param name="invocation">The verb's work and confirmation.</param>
    /// <param name="cancellationToken">Cancels the verb.</param>
    /// <returns>The exit code.</returns>
    Task<int> RunAsync(ParseResult parse, VerbInvocation invocation, CancellationToken cancellationToken);
}
