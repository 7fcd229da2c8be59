namespace Pomelo.Akka.Config;

/// <summary>A read position over a token list that never moves past <see cref="HoconTokenKind.EndOfInput"/>.</summary>
internal sealed class HoconTokenCursor
{
    private readonly IReadOnlyList<HoconToken> _tokens;
    private int _index;

    /// <summary>Starts at the first token; the list must end with <see cref="HoconTokenKind.EndOfInput"/>.</summary>
    public HoconTokenCursor(IReadOnlyList<HoconToken> tokens) => _tokens = tokens;

    /// <summary>The token at the read position.</summary>
    public HoconToken Current => _tokens[_index];

    /// <summary>The token <paramref name="offset"/> places ahead (the final end-of-input token past the end).</summary>
    public HoconToken Peek(int offset) => _tokens[Math.Min(_index + offset, _tokens.Count - 1)];

    /// <summary>Returns the current token and moves past it.</summary>
    public HoconToken Next()
    {
        var token = Current;
        if (_index < _tokens.Count - 1)
        {
            _index++;
        }

        return token;
    }

    /// <summary>Moves past whitespace on the current line.</summary>
    public void SkipWhitespace()
    {
        while (Current.Kind == HoconTokenKind.Whitespace)
        {
            Next();
        }
    }

    /// <summary>Moves past whitespace and line breaks.</summary>
    public void SkipWhitespaceAndNewlines()
    {
        while (Current.Kind is HoconTokenKind.Whitespace or HoconTokenKind.Newline)
        {
            Next();
        }
    }

    /// <summary>Creates an error located at the current token.</summary>
    public HoconParseException Error(string reason) => new(reason, Current.Position);
}
