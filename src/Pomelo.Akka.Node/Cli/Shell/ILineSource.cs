namespace Pomelo.Akka.Node.Cli.Shell;

/// <summary>Where the shell reads its lines: the line editor on a terminal, plain lines from redirected input.</summary>
internal interface ILineSource
{
    /// <summary>Shows the prompt and reads one line.</summary>
    /// <param name="prompt">The prompt.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The line, or null at the end of input.</returns>
    Task<string?> ReadLineAsync(string prompt, CancellationToken cancellationToken);
}
