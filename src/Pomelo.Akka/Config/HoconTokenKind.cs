namespace Pomelo.Akka.Config;

/// <summary>The kinds of lexical tokens of a HOCON document.</summary>
internal enum HoconTokenKind
{
    /// <summary>The end of the input.</summary>
    EndOfInput,

    /// <summary>A line break (comments are dropped, their line break is kept).</summary>
    Newline,

    /// <summary>A run of whitespace on one line.</summary>
    Whitespace,

    /// <summary>A <c>,</c>.</summary>
    Comma,

    /// <summary>A <c>:</c>.</summary>
    Colon,

    /// <summary>A <c>=</c>.</summary>
    Equals,

    /// <summary>A <c>+=</c>.</summary>
    PlusEquals,

    /// <summary>A <c>{</c>.</summary>
    OpenBrace,

    /// <summary>A <c>}</c>.</summary>
    CloseBrace,

    /// <summary>A <c>[</c>.</summary>
    OpenBracket,

    /// <summary>A <c>]</c>.</summary>
    CloseBracket,

    /// <summary>A quoted or triple-quoted string; the text is the unescaped content.</summary>
    Quoted,

    /// <summary>A run of unquoted text (numbers, words, booleans, dotted keys).</summary>
    Unquoted,

    /// <summary>A <c>${path}</c> or <c>${?path}</c>.</summary>
    Substitution,
}
