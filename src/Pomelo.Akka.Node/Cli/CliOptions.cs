using System.CommandLine;
using System.CommandLine.Help;

namespace Pomelo.Akka.Node.Cli;

/// <summary>
/// The options of one verb tree: <c>--json</c> everywhere, and the connection options on the command line (not in the
/// shell, which is already connected). Help is <c>--help</c> and <c>-?</c>, because <c>-h</c> is the host.
/// </summary>
internal sealed class CliOptions
{
    private CliOptions(ConnectionOptions? connection) => Connection = connection;

    /// <summary>Gets <c>--json</c>: print the reply body as one JSON document.</summary>
    public Option<bool> Json { get; } = new("--json")
    {
        Description = "print the master's reply as JSON (one document) instead of tables",
        Recursive = true,
    };

    /// <summary>Gets the connection options, or null in the shell.</summary>
    public ConnectionOptions? Connection { get; }

    /// <summary>Creates the options of the command line.</summary>
    /// <returns>The options.</returns>
    public static CliOptions ForCommandLine() => new(new ConnectionOptions());

    /// <summary>Creates the options of the shell (no connection options).</summary>
    /// <returns>The options.</returns>
    public static CliOptions ForShell() => new(null);

    /// <summary>Adds the options to a root command and makes help <c>--help</c> / <c>-?</c> so that <c>-h</c> is free.</summary>
    /// <param name="root">The root command.</param>
    public void AddTo(RootCommand root)
    {
        foreach (var help in root.Options.OfType<HelpOption>().ToList())
        {
            root.Options.Remove(help);
        }

        root.Options.Add(new HelpOption("--help", "-?"));
        root.Options.Add(Json);
        Connection?.AddTo(root);
    }
}
