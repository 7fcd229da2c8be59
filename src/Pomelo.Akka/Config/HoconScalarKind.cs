namespace Pomelo.Akka.Config;

/// <summary>How a scalar was written, which decides whether it may be normalised when flattened.</summary>
internal enum HoconScalarKind
{
    /// <summary>A quoted string, or text assembled from substitutions or environment variables: never rewritten.</summary>
    Quoted,

    /// <summary>Unquoted literal text (numbers, booleans, durations, sizes, bare words): normalised on flattening.</summary>
    Unquoted,

    /// <summary>Whitespace between two parts of a value concatenation.</summary>
    Whitespace,
}
