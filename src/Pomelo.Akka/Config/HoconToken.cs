using System.Collections.Immutable;

namespace Pomelo.Akka.Config;

/// <summary>A lexical token of a HOCON document.</summary>
/// <param name="Kind">The kind of token.</param>
/// <param name="Text">The token text (unescaped content for quoted strings).</param>
/// <param name="Position">Where the token starts.</param>
internal sealed record HoconToken(HoconTokenKind Kind, string Text, HoconPosition Position)
{
    /// <summary>For substitutions, the referenced path.</summary>
    public ImmutableArray<string> Path { get; init; } = [];

    /// <summary>For substitutions, whether it was written <c>${?path}</c>.</summary>
    public bool Optional { get; init; }

    /// <summary>Describes the token for error messages.</summary>
    public string Describe() => Kind switch
    {
        HoconTokenKind.EndOfInput => "end of input",
        HoconTokenKind.Newline => "end of line",
        HoconTokenKind.Quoted => $"string \"{Text}\"",
        HoconTokenKind.Substitution => $"substitution '${{{Text}}}'",
        _ => $"'{Text}'",
    };
}
