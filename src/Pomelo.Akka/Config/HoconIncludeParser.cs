namespace Pomelo.Akka.Config;

/// <summary>
/// Parses <c>include "file"</c>, <c>include file("file")</c> and <c>include required(...)</c> directives.
/// The lexer keeps <c>(</c> and <c>)</c> inside unquoted text, so <c>required(file(</c> arrives as one token.
/// </summary>
internal sealed class HoconIncludeParser
{
    private const string Required = "required(";
    private const string File = "file(";

    private int _depth;
    private bool _required;
    private bool _file;

    private HoconIncludeParser()
    {
    }

    /// <summary>Whether the cursor is at an include directive (as opposed to a field named <c>include</c>).</summary>
    public static bool IsAtInclude(HoconTokenCursor cursor)
    {
        if (cursor.Current is not { Kind: HoconTokenKind.Unquoted, Text: "include" } || cursor.Peek(1).Kind != HoconTokenKind.Whitespace)
        {
            return false;
        }

        var next = cursor.Peek(2);
        return next.Kind == HoconTokenKind.Quoted || (next.Kind == HoconTokenKind.Unquoted && IsIncludeFunction(next.Text));
    }

    /// <summary>Parses the directive at the cursor; call only when <see cref="IsAtInclude"/> is true.</summary>
    public static HoconInclude Parse(HoconTokenCursor cursor)
    {
        var keyword = cursor.Next();
        cursor.SkipWhitespace();
        var parser = new HoconIncludeParser();
        while (cursor.Current.Kind == HoconTokenKind.Unquoted)
        {
            parser.OpenFunctions(cursor.Next());
            cursor.SkipWhitespace();
        }

        if (cursor.Current.Kind != HoconTokenKind.Quoted)
        {
            throw cursor.Error($"expected a quoted file name after 'include', found {cursor.Current.Describe()}");
        }

        var fileName = cursor.Next().Text;
        cursor.SkipWhitespace();
        while (cursor.Current.Kind == HoconTokenKind.Unquoted)
        {
            parser.CloseFunctions(cursor.Next());
            cursor.SkipWhitespace();
        }

        if (parser._depth > 0)
        {
            throw cursor.Error($"expected ')' to close the include, found {cursor.Current.Describe()}");
        }

        return new HoconInclude(fileName, parser._required, keyword.Position);
    }

    private static bool IsIncludeFunction(string text) =>
        text.StartsWith(Required, StringComparison.Ordinal) || text.StartsWith(File, StringComparison.Ordinal)
        || text.StartsWith("url(", StringComparison.Ordinal) || text.StartsWith("classpath(", StringComparison.Ordinal);

    private void OpenFunctions(HoconToken token)
    {
        var text = token.Text;
        while (text.Length > 0)
        {
            if (!_required && _depth == 0 && text.StartsWith(Required, StringComparison.Ordinal))
            {
                _required = true;
                text = text[Required.Length..];
            }
            else if (!_file && text.StartsWith(File, StringComparison.Ordinal))
            {
                _file = true;
                text = text[File.Length..];
            }
            else if (text.StartsWith("url(", StringComparison.Ordinal) || text.StartsWith("classpath(", StringComparison.Ordinal))
            {
                throw new HoconParseException("unsupported include: only include \"file\", include file(\"file\") and include required(...) are supported", token.Position);
            }
            else
            {
                throw new HoconParseException($"expected 'required(', 'file(' or a quoted file name after 'include', found '{token.Text}'", token.Position);
            }

            _depth++;
        }
    }

    private void CloseFunctions(HoconToken token)
    {
        foreach (var c in token.Text)
        {
            if (c != ')' || _depth == 0)
            {
                var expected = _depth == 0 ? "',' or a new line" : "')'";
                throw new HoconParseException($"unexpected '{token.Text}' after the include file name: expected {expected}", token.Position);
            }

            _depth--;
        }
    }
}
