using System.CommandLine;
using System.CommandLine.Invocation;
using Pomelo.Akka.Node.Cli.Output;
using Pomelo.Akka.Node.Cli.Verbs;

namespace Pomelo.Akka.Node.Cli;

/// <summary>
/// The admin command line's entry points: <see cref="AddTo"/> puts the verbs on <c>pomelo-akka</c>'s root command,
/// <see cref="InvokeAsync"/> runs a command line with usage errors as exit code 2, and <see cref="RunAsync"/> does
/// both on a root of its own (what tests call).
/// </summary>
internal static class CliApp
{
    /// <summary>Adds the global options (<c>-h/--host</c>, <c>-P/--port</c>, <c>-u/--user</c>, <c>-p/--password</c>,
    /// <c>--timeout</c>, <c>--json</c>; help becomes <c>--help</c> / <c>-?</c>), the admin verbs and <c>shell</c>,
    /// and makes the shell what runs without a verb.</summary>
    /// <param name="root">The root command.</param>
    /// <param name="environment">The console and environment variables.</param>
    public static void AddTo(RootCommand root, CliEnvironment environment)
    {
        var options = CliOptions.ForCommandLine();
        options.AddTo(root);
        var runner = new OneShotRunner(options, environment, new CliOutput(environment));
        foreach (var verb in VerbTree.Create(runner, static () => []))
        {
            root.Subcommands.Add(verb);
        }

        root.Subcommands.Add(ShellVerb.Create(runner));
        root.SetAction((parse, cancellationToken) => ShellVerb.RunAsync(runner, parse, cancellationToken));
    }

    /// <summary>Parses and runs a command line; parse errors are printed and give exit code 2.</summary>
    /// <param name="root">The root command.</param>
    /// <param name="args">The arguments.</param>
    /// <param name="environment">Where output goes.</param>
    /// <param name="cancellationToken">Cancels the verb.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> InvokeAsync(RootCommand root, IReadOnlyList<string> args, CliEnvironment environment, CancellationToken cancellationToken = default)
    {
        var parse = root.Parse(args);
        if (parse.Action is ParseErrorAction)
        {
            await UsageErrorsAsync(parse, environment.Error, "pomelo-akka --help").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var invocation = new InvocationConfiguration { Output = environment.Out, Error = environment.Error, ProcessTerminationTimeout = null };
        return await parse.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs the admin command line on a root of its own (no node verbs).</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="environment">The console and environment variables.</param>
    /// <param name="cancellationToken">Cancels the verb.</param>
    /// <returns>The exit code.</returns>
    public static Task<int> RunAsync(IReadOnlyList<string> args, CliEnvironment environment, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("pomelo-akka admin client");
        AddTo(root, environment);
        return InvokeAsync(root, args, environment, cancellationToken);
    }

    /// <summary>Prints parse errors, one <c>error:</c> line each, and where to find help.</summary>
    /// <param name="parse">The failed parse.</param>
    /// <param name="error">Standard error.</param>
    /// <param name="help">The command that shows help.</param>
    /// <returns>A task that completes when written.</returns>
    public static async Task UsageErrorsAsync(ParseResult parse, TextWriter error, string help)
    {
        foreach (var problem in parse.Errors)
        {
            await error.WriteLineAsync("error: " + problem.Message).ConfigureAwait(false);
        }

        await error.WriteLineAsync($"(see '{help}')").ConfigureAwait(false);
        await error.FlushAsync().ConfigureAwait(false);
    }
}
