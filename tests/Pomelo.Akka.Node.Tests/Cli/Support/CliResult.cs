using System.Text.Json;

namespace Pomelo.Akka.Node.Tests.Cli.Support;

/// <summary>What one CLI run produced.</summary>
/// <param name="ExitCode">The exit code.</param>
/// <param name="Out">Standard output.</param>
/// <param name="Error">Standard error.</param>
public sealed record CliResult(int ExitCode, string Out, string Error)
{
    /// <summary>Parses standard output as one JSON document.</summary>
    public JsonElement Json()
    {
        using var document = JsonDocument.Parse(Out);
        return document.RootElement.Clone();
    }

    /// <summary>Returns the first output line (a table row) containing <paramref name="text"/>.</summary>
    public string Row(string text)
        => Out.Split('\n').FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal)) ?? throw new Xunit.Sdk.XunitException($"no line with '{text}' in:\n{this}");

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}
