namespace Pomelo.Akka.Node.Cli.Shell;

/// <summary>What the shell remembers between lines: the <c>use</c> context, the known server ids, the history.</summary>
internal sealed class ShellState
{
    /// <summary>The context shown when no server is chosen.</summary>
    public const string All = "all";

    /// <summary>Gets or sets the server chosen with <c>use</c>, or null for all.</summary>
    public string? Context { get; set; }

    /// <summary>Gets or sets the server ids from the last <c>list</c>, for completion and <c>use</c>.</summary>
    public IReadOnlyList<string> ServerIds { get; set; } = [];

    /// <summary>Gets the lines entered.</summary>
    public CommandHistory History { get; } = new();

    /// <summary>Gets or sets whether <c>quit</c> was entered.</summary>
    public bool QuitRequested { get; set; }

    /// <summary>Builds the prompt, <c>user@host:port [context]&gt; </c>.</summary>
    /// <param name="settings">The connection.</param>
    /// <returns>The prompt.</returns>
    public string Prompt(ConnectionSettings settings) => $"{settings.User}@{settings.Endpoint} [{Context ?? All}]> ";
}
