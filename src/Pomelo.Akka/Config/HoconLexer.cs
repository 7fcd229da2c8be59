using System.Text;

namespace Pomelo.Akka.Config;

/// <summary>Splits HOCON (or JSON) text into tokens, dropping comments and tracking line and column.</summary>
internal sealed class HoconLexer
{
    private const string ForbiddenChars = "$\"{}[]:=,+#`^?!@*&\\";

    private readonly string _text;
    private readonly string _file;
    private readonly List<HoconToken> _tokens = [];
    private int _index;
    private int _line;
    private int _column;

    private HoconLexer(string text, HoconPosition start)
    {
        _text = text;
        _file = start.File;
        _line = start.Line;
        _column = start.Column;
    }

    private HoconPosition Position => new(_file, _line, _column);

    /// <summary>Tokenizes a whole document; the last token is always <see cref="HoconTokenKind.EndOfInput"/>.</summary>
    public static IReadOnlyList<HoconToken> Tokenize(string text, string file) => Tokenize(text, new HoconPosition(file, 1, 1));

    /// <summary>Tokenizes text that starts at the given position (used for substitution paths).</summary>
    public static IReadOnlyList<HoconToken> Tokenize(string text, HoconPosition start) => new HoconLexer(text, start).Run();

    /// <summary>Whether the character is whitespace that does not end a line.</summary>
    public static bool IsInlineWhitespace(char c) => c != '\n' && (char.IsWhiteSpace(c) || c == '\uFEFF');

    private IReadOnlyList<HoconToken> Run()
    {
        while (_index < _text.Length)
        {
            ReadToken();
        }

        _tokens.Add(new HoconToken(HoconTokenKind.EndOfInput, string.Empty, Position));
        return _tokens;
    }

    private void ReadToken()
    {
        var c = _text[_index];
        var start = Position;
        switch (c)
        {
            case '\n':
                Advance(1);
                Add(HoconTokenKind.Newline, "\n", start);
                break;
            case '#':
                SkipComment();
                break;
            case '/' when Peek(1) == '/':
                SkipComment();
                break;
            case '{': Single(HoconTokenKind.OpenBrace, start); break;
            case '}': Single(HoconTokenKind.CloseBrace, start); break;
            case '[': Single(HoconTokenKind.OpenBracket, start); break;
            case ']': Single(HoconTokenKind.CloseBracket, start); break;
            case ',': Single(HoconTokenKind.Comma, start); break;
            case ':': Single(HoconTokenKind.Colon, start); break;
            case '=': Single(HoconTokenKind.Equals, start); break;
            case '+':
                if (Peek(1) != '=')
                {
                    throw new HoconParseException("unexpected '+': expected '+=' (append to an array) or a quoted string", start);
                }

                Advance(2);
                Add(HoconTokenKind.PlusEquals, "+=", start);
                break;
            case '"':
                ReadString(start);
                break;
            case '$':
                ReadSubstitution(start);
                break;
            default:
                if (IsInlineWhitespace(c))
                {
                    ReadWhile(IsInlineWhitespace, HoconTokenKind.Whitespace, start);
                }
                else if (ForbiddenChars.Contains(c))
                {
                    throw new HoconParseException($"unexpected character '{c}': expected a value, a key or punctuation (quote the text to use '{c}')", start);
                }
                else
                {
                    ReadUnquoted(start);
                }

                break;
        }
    }

    private void ReadUnquoted(HoconPosition start)
    {
        var begin = _index;
        while (_index < _text.Length)
        {
            var c = _text[_index];
            if (c == '\n' || IsInlineWhitespace(c) || ForbiddenChars.Contains(c) || (c == '/' && Peek(1) == '/'))
            {
                break;
            }

            Advance(1);
        }

        Add(HoconTokenKind.Unquoted, _text[begin.._index], start);
    }

    private void ReadString(HoconPosition start)
    {
        if (Peek(1) == '"' && Peek(2) == '"')
        {
            ReadTripleQuoted(start);
            return;
        }

        Advance(1);
        var value = new StringBuilder();
        while (true)
        {
            if (_index >= _text.Length || _text[_index] == '\n')
            {
                throw new HoconParseException("unterminated quoted string: expected a closing '\"' before the end of the line (use \"\"\" for multi-line strings)", start);
            }

            var c = _text[_index];
            if (c == '"')
            {
                Advance(1);
                break;
            }

            if (c == '\\')
            {
                value.Append(ReadEscape());
                continue;
            }

            value.Append(c);
            Advance(1);
        }

        Add(HoconTokenKind.Quoted, value.ToString(), start);
    }

    private string ReadEscape()
    {
        var at = Position;
        var code = Peek(1);
        var simple = code switch
        {
            '"' => "\"",
            '\\' => "\\",
            '/' => "/",
            'b' => "\b",
            'f' => "\f",
            'n' => "\n",
            'r' => "\r",
            't' => "\t",
            _ => null,
        };
        if (simple is not null)
        {
            Advance(2);
            return simple;
        }

        if (code == 'u' && _index + 6 <= _text.Length
            && int.TryParse(_text.AsSpan(_index + 2, 4), System.Globalization.NumberStyles.AllowHexSpecifier, null, out var unicode))
        {
            Advance(6);
            return ((char)unicode).ToString();
        }

        throw new HoconParseException($"invalid escape sequence '\\{code}': expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX", at);
    }

    private void ReadTripleQuoted(HoconPosition start)
    {
        Advance(3);
        var close = _text.IndexOf("\"\"\"", _index, StringComparison.Ordinal);
        if (close < 0)
        {
            throw new HoconParseException("unterminated multi-line string: expected a closing '\"\"\"'", start);
        }

        while (close + 3 < _text.Length && _text[close + 3] == '"')
        {
            close++;
        }

        var value = _text[_index..close];
        Advance(value.Length + 3);
        Add(HoconTokenKind.Quoted, value, start);
    }

    private void ReadSubstitution(HoconPosition start)
    {
        if (Peek(1) != '{')
        {
            throw new HoconParseException("unexpected '$': expected '${' to start a substitution (quote the text to use '$')", start);
        }

        Advance(2);
        var optional = Peek(0) == '?';
        if (optional)
        {
            Advance(1);
        }

        var innerStart = Position;
        var begin = _index;
        var inQuotes = false;
        while (_index < _text.Length && _text[_index] != '\n' && (inQuotes || _text[_index] != '}'))
        {
            if (_text[_index] == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (_text[_index] == '\\' && inQuotes)
            {
                Advance(1);
            }

            Advance(1);
        }

        if (_index >= _text.Length || _text[_index] != '}')
        {
            throw new HoconParseException("unterminated substitution: expected '}' to close '${' on the same line", start);
        }

        var inner = _text[begin.._index];
        Advance(1);
        var path = HoconSubstitutionPath.Parse(inner, innerStart, start);
        Add(HoconTokenKind.Substitution, inner, start, path, optional);
    }

    private void ReadWhile(Func<char, bool> predicate, HoconTokenKind kind, HoconPosition start)
    {
        var begin = _index;
        while (_index < _text.Length && predicate(_text[_index]))
        {
            Advance(1);
        }

        Add(kind, _text[begin.._index], start);
    }

    private void SkipComment()
    {
        while (_index < _text.Length && _text[_index] != '\n')
        {
            Advance(1);
        }
    }

    private void Single(HoconTokenKind kind, HoconPosition start)
    {
        Advance(1);
        Add(kind, _text[(_index - 1).._index], start);
    }

    private void Add(HoconTokenKind kind, string text, HoconPosition start) => _tokens.Add(new HoconToken(kind, text, start));

    private void Add(HoconTokenKind kind, string text, HoconPosition start, System.Collections.Immutable.ImmutableArray<string> path, bool optional) =>
        _tokens.Add(new HoconToken(kind, text, start) { Path = path, Optional = optional });

    private char Peek(int offset) => _index + offset < _text.Length ? _text[_index + offset] : '\0';

    private void Advance(int count)
    {
        for (var i = 0; i < count && _index < _text.Length; i++)
        {
            if (_text[_index] == '\n')
            {
                _line++;
                _column = 1;
            }
            else
            {
                _column++;
            }

            _index++;
        }
    }
}
