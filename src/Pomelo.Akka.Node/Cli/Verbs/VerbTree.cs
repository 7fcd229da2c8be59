using System.CommandLine;

namespace Pomelo.Akka.Node.Cli.Verbs;

/// <summary>The admin verbs, built for one runner: the same tree serves the command line and the shell.</summary>
internal static class VerbTree
{
    /// <summary>Creates the verbs.</summary>
    /// <param name="runner">Runs them (one-shot or in the shell).</param>
    /// <param name="serverIds">The server ids to complete (the shell's last <c>list</c>).</param>
    /// <returns>The verbs, in the order help lists them.</returns>
    public static IReadOnlyList<Command> Create(ICliRunner runner, Func<IEnumerable<string>> serverIds)
    {
        var arguments = new VerbArguments(serverIds);
        return
        [
            ListVerb.Create(runner),
            StopVerb.Create(runner, arguments),
            KillVerb.Create(runner, arguments),
            RestartVerb.Create(runner, arguments),
            AddVerb.Create(runner),
            BlacklistVerb.Create(runner),
            ModuleVerb.Create(runner, arguments),
            ShowVerb.Create(runner, arguments),
            GetVerb.Create(runner, arguments),
            SetVerb.Create(runner, arguments),
            RunVerb.Create(runner, arguments),
            TimeVerb.Create(runner),
        ];
    }
}
