using System.CommandLine;
using System.Globalization;
using Pomelo.Akka.Node.Cli.Output;

namespace Pomelo.Akka.Node.Cli.Shell;

/// <summary>The verbs only the shell has: <c>use</c>, <c>history</c>, <c>help</c> and <c>quit</c> / <c>exit</c>.</summary>
internal static class ShellCommands
{
    /// <summary>Adds them to the shell's root.</summary>
    /// <param name="root">The shell's root, holding the admin verbs already.</param>
    /// <param name="session">The shell.</param>
    public static void AddTo(RootCommand root, ShellSession session)
    {
        root.Subcommands.Add(Use(session));
        root.Subcommands.Add(History(session));
        root.Subcommands.Add(Help(root, session));
        var quit = new Command("quit", "Leave the shell.") { Aliases = { "exit" } };
        quit.SetAction(_ => session.State.QuitRequested = true);
        root.Subcommands.Add(quit);
    }

    private static Command Use(ShellSession session)
    {
        var target = new Argument<string>("server") { Description = "a server id, or 'all'" };
        target.CompletionSources.Add(_ => session.State.ServerIds.Prepend(ShellState.All));
        var use = new Command("use", "Make show, get, set and run target a server by default ('use all' to go back to the master).") { target };
        use.SetAction(async (parse, cancellationToken) =>
        {
            var server = parse.GetValue(target)!;
            var fresh = await session.RefreshServersAsync(cancellationToken).ConfigureAwait(false);
            if (server == ShellState.All)
            {
                session.State.Context = null;
                return ExitCodes.Ok;
            }

            if (fresh && !session.State.ServerIds.Contains(server, StringComparer.Ordinal))
            {
                session.Login.Output.Fail("unknown server id: " + server);
                return ExitCodes.Failed;
            }

            session.State.Context = server;
            return ExitCodes.Ok;
        });
        return use;
    }

    private static Command History(ShellSession session)
    {
        var history = new Command("history", "Print the lines entered in this shell.");
        history.SetAction(_ =>
        {
            var lines = session.State.History.Lines;
            for (var i = 0; i < lines.Count; i++)
            {
                session.Login.Output.Line((i + 1).ToString(CultureInfo.InvariantCulture).PadLeft(4) + "  " + lines[i]);
            }
        });
        return history;
    }

    private static Command Help(RootCommand root, ShellSession session)
    {
        var verb = new Argument<string?>("verb") { Description = "the verb to explain", Arity = ArgumentArity.ZeroOrOne };
        verb.CompletionSources.Add(_ => root.Subcommands.Select(c => c.Name));
        var help = new Command("help", "List the verbs, or explain one ('help show').") { verb };
        help.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(verb) is { } name)
            {
                var invocation = new InvocationConfiguration { Output = session.Login.Environment.Out, Error = session.Login.Environment.Error, ProcessTerminationTimeout = null };
                return await root.Parse([name, "--help"]).InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
            }

            var table = Tables.Create("VERB", "WHAT IT DOES");
            foreach (var command in root.Subcommands)
            {
                table.Row(string.Join(" | ", command.Aliases.Prepend(command.Name)), command.Description);
            }

            session.Login.Output.Render(table);
            session.Login.Output.Line("'<verb> --help' shows a verb's arguments and options; --json prints the raw reply.");
            return ExitCodes.Ok;
        });
        return help;
    }
}
