using Pomelo.Akka.Node.Cli;
using Pomelo.Akka.Node.Cli.Shell;

namespace Pomelo.Akka.Node.Tests.Cli.Support;

/// <summary>Runs the CLI in-process (<see cref="CliApp.RunAsync"/>) over string streams; times show in UTC.</summary>
internal sealed class CliRun
{
    /// <summary>Gets what standard input holds.</summary>
    public string Stdin { get; init; } = string.Empty;

    /// <summary>Gets a reader to use as standard input instead of <see cref="Stdin"/>.</summary>
    public TextReader? Input { get; init; }

    /// <summary>Gets whether standard input counts as a terminal (prompts can be answered).</summary>
    public bool Interactive { get; init; }

    /// <summary>Gets the keyboard, when the shell should use its line editor.</summary>
    public IConsoleInput? Keys { get; init; }

    /// <summary>Gets the environment variables.</summary>
    public Dictionary<string, string> Variables { get; init; } = [];

    public async Task<CliResult> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var environment = new CliEnvironment
        {
            In = Input ?? new StringReader(Stdin),
            Out = stdout,
            Error = stderr,
            IsInputRedirected = !Interactive,
            Keys = Keys,
            GetVariable = name => Variables.GetValueOrDefault(name),
            TimeZone = TimeZoneInfo.Utc,
        };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var exitCode = await CliApp.RunAsync(args, environment, timeout.Token);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }
}
