using Pomelo.Akka.Node.Cli.Shell;

namespace Pomelo.Akka.Node.Cli;

/// <summary>
/// Everything the command line touches outside itself: standard streams, whether they are terminals, the keyboard,
/// environment variables and the time zone. Tests build one over string readers and writers.
/// </summary>
internal sealed class CliEnvironment
{
    /// <summary>The environment variable holding the default user.</summary>
    public const string UserVariable = "POMELO_USER";

    /// <summary>The environment variable holding the default password.</summary>
    public const string PasswordVariable = "POMELO_PASSWORD";

    /// <summary>Gets the standard input, read line by line when it is redirected.</summary>
    public required TextReader In { get; init; }

    /// <summary>Gets the standard output: tables, JSON, the shell's prompt.</summary>
    public required TextWriter Out { get; init; }

    /// <summary>Gets the standard error: error messages and usage problems.</summary>
    public required TextWriter Error { get; init; }

    /// <summary>Gets whether standard input is a pipe or file rather than a terminal (default true).</summary>
    public bool IsInputRedirected { get; init; } = true;

    /// <summary>Gets whether standard output is a pipe or file rather than a terminal (default true).</summary>
    public bool IsOutputRedirected { get; init; } = true;

    /// <summary>Gets the keyboard, used by the shell's line editor and the password prompt; null when there is none.</summary>
    public IConsoleInput? Keys { get; init; }

    /// <summary>Gets a reader of environment variables (default: none set).</summary>
    public Func<string, string?> GetVariable { get; init; } = static _ => null;

    /// <summary>Gets the time zone times are shown in (default the local one).</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Local;

    /// <summary>Gets whether prompts can be answered: standard input is a terminal.</summary>
    public bool IsInteractive => !IsInputRedirected;

    /// <summary>Gets the environment of this process: the real console and environment variables.</summary>
    /// <returns>The environment.</returns>
    public static CliEnvironment FromConsole() => new()
    {
        In = System.Console.In,
        Out = System.Console.Out,
        Error = System.Console.Error,
        IsInputRedirected = System.Console.IsInputRedirected,
        IsOutputRedirected = System.Console.IsOutputRedirected,
        Keys = System.Console.IsInputRedirected ? null : new SystemConsoleInput(),
        GetVariable = Environment.GetEnvironmentVariable,
    };

    /// <summary>Reads an environment variable, treating an empty value as unset.</summary>
    /// <param name="name">The variable.</param>
    /// <returns>Its value, or null.</returns>
    public string? Variable(string name) => GetVariable(name) is { Length: > 0 } value ? value : null;
}
