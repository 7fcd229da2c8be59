namespace Pomelo.Akka.Node.Cli;

/// <summary>The confirmation prompt of destructive verbs.</summary>
internal static class Confirmation
{
    /// <summary>The question, after the description of what will happen.</summary>
    public const string Question = "Are you sure? [y/N] ";

    /// <summary>Gets whether an answer is a yes (<c>y</c> or <c>yes</c>, any case); anything else, or none, is a no.</summary>
    /// <param name="answer">The line typed.</param>
    /// <returns>True for yes.</returns>
    public static bool IsYes(string? answer)
        => answer?.Trim() is { } a && (a.Equals("y", StringComparison.OrdinalIgnoreCase) || a.Equals("yes", StringComparison.OrdinalIgnoreCase));

    /// <summary>The message when confirmation is needed but nobody can answer it.</summary>
    /// <param name="what">What the verb would do.</param>
    /// <returns>The message.</returns>
    public static string CannotAsk(string what)
        => $"not confirmed ({what.TrimEnd('.')}), and standard input is not a terminal to ask on; pass --yes to confirm";
}
