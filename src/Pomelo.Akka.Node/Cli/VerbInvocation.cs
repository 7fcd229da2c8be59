namespace Pomelo.Akka.Node.Cli;

/// <summary>What a verb asks its runner to do: run <paramref name="ExecuteAsync"/> against a logged-in client.</summary>
/// <param name="ExecuteAsync">The verb's work; returns the exit code.</param>
/// <param name="Confirmation">
/// For a destructive verb without <c>--yes</c>: what it is about to do, asked as <c>Are you sure? [y/N]</c> first.
/// </param>
internal sealed record VerbInvocation(Func<VerbContext, CancellationToken, Task<int>> ExecuteAsync, string? Confirmation = null);
