namespace Pomelo.Akka.Node.Cli.Shell;

/// <summary>Reads plain lines from redirected input; prints the prompt and echoes each line so the output reads as a transcript.</summary>
internal sealed class RedirectedLineSource(TextReader input, TextWriter output) : ILineSource
{
    /// <inheritdoc />
    public async Task<string?> ReadLineAsync(string prompt, CancellationToken cancellationToken)
    {
        await output.WriteAsync(prompt).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        var line = await input.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync(line ?? string.Empty).ConfigureAwait(false);
        return line;
    }
}
