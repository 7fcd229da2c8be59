namespace Pomelo.Akka.Node.Cli.Shell;

/// <summary>Completions of the word that ends at the cursor.</summary>
/// <param name="WordStart">Where the word starts in the line.</param>
/// <param name="Candidates">Whole words that could replace it, sorted.</param>
internal sealed record CompletionResult(int WordStart, IReadOnlyList<string> Candidates);
