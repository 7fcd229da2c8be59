using System.CommandLine;

namespace Pomelo.Akka.Node.Cli.Verbs;

/// <summary>Arguments and options several verbs share; server ids complete from the shell's last <c>list</c>.</summary>
/// <param name="serverIds">The known server ids (none on the command line).</param>
internal sealed class VerbArguments(Func<IEnumerable<string>> serverIds)
{
    /// <summary>Gets the known server ids.</summary>
    public IEnumerable<string> ServerIds => serverIds();

    /// <summary>Creates a list of server ids.</summary>
    /// <param name="description">What the ids are for.</param>
    /// <param name="required">Whether at least one is needed.</param>
    /// <returns>The argument.</returns>
    public Argument<string[]> Ids(string description, bool required = false)
    {
        var ids = new Argument<string[]>("ids")
        {
            Description = description,
            Arity = required ? ArgumentArity.OneOrMore : ArgumentArity.ZeroOrMore,
        };
        ids.CompletionSources.Add(_ => serverIds());
        RejectOptionLike(ids);
        return ids;
    }

    /// <summary>Creates <c>-s/--server</c>.</summary>
    /// <param name="description">What the server is for.</param>
    /// <returns>The option.</returns>
    public Option<string?> Server(string description)
    {
        var server = new Option<string?>("--server", "-s") { Description = description, HelpName = "server" };
        server.CompletionSources.Add(_ => serverIds());
        return server;
    }

    /// <summary>Creates <c>-y/--yes</c>, which skips the confirmation prompt.</summary>
    /// <returns>The option.</returns>
    public static Option<bool> Yes() => new("--yes", "-y") { Description = "do not ask for confirmation" };

    /// <summary>Makes a list argument reject values that look like options (a mistyped flag would else be an id).</summary>
    /// <param name="argument">The argument.</param>
    public static void RejectOptionLike(Argument<string[]> argument) => argument.Validators.Add(result =>
    {
        foreach (var token in result.Tokens.Where(t => t.Value.StartsWith('-')))
        {
            result.AddError($"unrecognized option '{token.Value}'");
        }
    });
}
