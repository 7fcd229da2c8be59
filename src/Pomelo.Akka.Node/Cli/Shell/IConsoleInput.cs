namespace Pomelo.Akka.Node.Cli.Shell;

/// <summary>The keyboard, one key at a time without echo; tests script the keys.</summary>
internal interface IConsoleInput
{
    /// <summary>Waits for the next key.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The key.</returns>
    ValueTask<ConsoleKeyInfo> ReadKeyAsync(CancellationToken cancellationToken);
}
