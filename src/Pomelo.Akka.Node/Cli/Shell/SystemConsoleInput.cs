namespace Pomelo.Akka.Node.Cli.Shell;

/// <summary>The real keyboard: <see cref="System.Console.ReadKey(bool)"/> without echo, on a worker thread.</summary>
internal sealed class SystemConsoleInput : IConsoleInput
{
    /// <inheritdoc />
    public ValueTask<ConsoleKeyInfo> ReadKeyAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (System.Console.KeyAvailable)
        {
            return ValueTask.FromResult(System.Console.ReadKey(intercept: true));
        }

        return new ValueTask<ConsoleKeyInfo>(Task.Run(() => System.Console.ReadKey(intercept: true), cancellationToken));
    }
}
