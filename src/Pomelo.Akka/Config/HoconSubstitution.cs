using System.Collections.Immutable;

namespace Pomelo.Akka.Config;

/// <summary>A <c>${path}</c> or <c>${?path}</c> reference, resolved against the whole document after merging.</summary>
/// <param name="Path">The absolute path to look up in the document.</param>
/// <param name="Optional">Whether the substitution was written <c>${?path}</c>.</param>
/// <param name="Position">Where the <c>${</c> is.</param>
internal sealed record HoconSubstitution(ImmutableArray<string> Path, bool Optional, HoconPosition Position) : HoconValue(Position)
{
    /// <summary>The path as written in an included file, tried when <see cref="Path"/> (prefixed by the include location) is not found.</summary>
    public ImmutableArray<string>? FallbackPath { get; init; }

    /// <summary>Whether only the environment is consulted (a self-reference with no earlier value).</summary>
    public bool EnvironmentOnly { get; init; }

    /// <summary>The path as the author wrote it, used for environment variable names and messages.</summary>
    public ImmutableArray<string> WrittenPath => FallbackPath ?? Path;

    /// <summary>The substitution as it would be written in a document, for error messages.</summary>
    public string Display => "${" + (Optional ? "?" : string.Empty) + string.Join('.', WrittenPath) + "}";
}
