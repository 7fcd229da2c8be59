using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using Pomelo.Akka.Node.Cli.Verbs;

namespace Pomelo.Akka.Node.Cli.Shell;

/// <summary>
/// The interactive shell: on an open login, reads lines at <c>user@host:port [context]&gt; </c> and runs each with the
/// same verb tree as the command line (minus the connection options), until <c>quit</c> or the end of input.
/// </summary>
internal sealed class AdminShell
{
    private readonly ShellSession _session;
    private readonly RootCommand _root = new("pomelo-akka shell: type a verb; 'help' lists them.");

    private AdminShell(VerbContext login)
    {
        var environment = login.Environment;
        var state = new ShellState();
        var options = CliOptions.ForShell();
        ILineSource lines = environment.IsInteractive && environment.Keys is { } keys
            ? new LineEditor(keys, environment.Out, state.History, new CommandCompleter(_root))
            : new RedirectedLineSource(environment.In, environment.Out);
        _session = new ShellSession(login, state, options, lines);
        options.AddTo(_root);
        foreach (var verb in VerbTree.Create(new ShellRunner(_session), () => state.ServerIds))
        {
            _root.Subcommands.Add(verb);
        }

        ShellCommands.AddTo(_root, _session);
        _root.SetAction(_ => ExitCodes.Usage);
    }

    /// <summary>Runs a shell on a login.</summary>
    /// <param name="login">The logged-in context.</param>
    /// <param name="cancellationToken">Ends the shell.</param>
    /// <returns>0 on quit or end of input; 3 when the connection to the master was lost.</returns>
    public static Task<int> RunAsync(VerbContext login, CancellationToken cancellationToken) => new AdminShell(login).LoopAsync(cancellationToken);

    private async Task<int> LoopAsync(CancellationToken cancellationToken)
    {
        var login = _session.Login;
        login.Output.Line($"Logged in to {login.Settings.Endpoint} as {login.Settings.User}. Type 'help' for the verbs, 'quit' to leave.");
        await _session.RefreshServersAsync(cancellationToken).ConfigureAwait(false);
        while (!_session.State.QuitRequested)
        {
            var line = await _session.Lines.ReadLineAsync(_session.State.Prompt(login.Settings), cancellationToken).ConfigureAwait(false);
            if (line is null)
            {
                break;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            _session.State.History.Add(line);

            // A request on a connection that already closed would only fail at its deadline; check first.
            if (!login.Client.IsConnected || (await ExecuteAsync(line, cancellationToken).ConfigureAwait(false) != ExitCodes.Ok && !login.Client.IsConnected))
            {
                login.Output.Fail($"the connection to the master at {login.Settings.Endpoint} was lost");
                return ExitCodes.Unavailable;
            }
        }

        return ExitCodes.Ok;
    }

    private async Task<int> ExecuteAsync(string line, CancellationToken cancellationToken)
    {
        var parse = _root.Parse(CommandLineParser.SplitCommandLine(line).ToList());
        var environment = _session.Login.Environment;
        if (parse.Action is ParseErrorAction)
        {
            await CliApp.UsageErrorsAsync(parse, environment.Error, "help").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var invocation = new InvocationConfiguration { Output = environment.Out, Error = environment.Error, ProcessTerminationTimeout = null };
        return await parse.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
    }
}
