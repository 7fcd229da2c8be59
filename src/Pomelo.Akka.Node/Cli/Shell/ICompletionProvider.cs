namespace Pomelo.Akka.Node.Cli.Shell;

/// <summary>Offers completions for the line editor's Tab key.</summary>
internal interface ICompletionProvider
{
    /// <summary>Completes the word that ends at the cursor.</summary>
    /// <param name="line">The whole line.</param>
    /// <param name="cursor">The cursor position.</param>
    /// <returns>Where the word starts and what could replace it.</returns>
    CompletionResult Complete(string line, int cursor);
}
