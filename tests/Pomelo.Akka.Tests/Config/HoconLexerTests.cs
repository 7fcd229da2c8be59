using Pomelo.Akka.Config;

namespace Pomelo.Akka.Tests.Config;

public sealed class HoconLexerTests
{
    private static List<HoconTokenKind> Kinds(string text) =>
        HoconLexer.Tokenize(text, "t.conf").Select(t => t.Kind).ToList();

    [Fact]
    public void Tokenize_Comments_AreDroppedButLineBreaksKept()
    {
        var kinds = Kinds("a # hash comment\n// slash comment\nb");

        Assert.Equal(
            [HoconTokenKind.Unquoted, HoconTokenKind.Whitespace, HoconTokenKind.Newline, HoconTokenKind.Newline, HoconTokenKind.Unquoted, HoconTokenKind.EndOfInput],
            kinds);
    }

    [Fact]
    public void Tokenize_UnquotedText_StopsAtForbiddenCharactersAndDoubleSlash()
    {
        var tokens = HoconLexer.Tokenize("a.b-c/d:x//comment", "t.conf");

        Assert.Equal("a.b-c/d", tokens[0].Text);
        Assert.Equal(HoconTokenKind.Colon, tokens[1].Kind);
        Assert.Equal("x", tokens[2].Text);
        Assert.Equal(HoconTokenKind.EndOfInput, tokens[3].Kind);
    }

    [Fact]
    public void Tokenize_QuotedString_UnescapesJsonEscapes()
    {
        var token = HoconLexer.Tokenize("\"a\\\"b\\\\c\\n\\u0041\\/\"", "t.conf")[0];

        Assert.Equal(HoconTokenKind.Quoted, token.Kind);
        Assert.Equal("a\"b\\c\nA/", token.Text);
    }

    [Fact]
    public void Tokenize_TripleQuotedString_KeepsNewlinesAndExtraQuotes()
    {
        var token = HoconLexer.Tokenize("\"\"\"line1\n\"line2\"\"\"\"", "t.conf")[0];

        Assert.Equal(HoconTokenKind.Quoted, token.Kind);
        Assert.Equal("line1\n\"line2\"", token.Text);
    }

    [Fact]
    public void Tokenize_Substitution_ParsesPathAndOptionalFlag()
    {
        var token = HoconLexer.Tokenize("${?a.\"b.c\".d}", "t.conf")[0];

        Assert.Equal(HoconTokenKind.Substitution, token.Kind);
        Assert.True(token.Optional);
        Assert.Equal(["a", "b.c", "d"], token.Path.ToArray());
    }

    [Fact]
    public void Tokenize_PlusEquals_IsOneToken()
    {
        Assert.Equal([HoconTokenKind.Unquoted, HoconTokenKind.PlusEquals, HoconTokenKind.Unquoted, HoconTokenKind.EndOfInput], Kinds("a+=b"));
    }

    [Fact]
    public void Tokenize_Positions_AreOneBasedLineAndColumn()
    {
        var tokens = HoconLexer.Tokenize("a = 1\n  b = 2", "t.conf");
        var b = tokens.Single(t => t.Text == "b");

        Assert.Equal(new HoconPosition("t.conf", 2, 3), b.Position);
    }

    [Fact]
    public void Tokenize_UnterminatedString_ReportsOpeningQuotePosition()
    {
        var error = Assert.Throws<HoconParseException>(() => HoconLexer.Tokenize("a = 1\nb = \"oops\nc = 2", "t.conf"));

        Assert.Equal(("t.conf", 2, 5), (error.File, error.Line, error.Column));
        Assert.StartsWith("t.conf:2:5: unterminated quoted string", error.Message);
    }

    [Fact]
    public void Tokenize_UnterminatedTripleQuotedString_ReportsOpeningPosition()
    {
        var error = Assert.Throws<HoconParseException>(() => HoconLexer.Tokenize("x = \"\"\"never closed\n", "t.conf"));

        Assert.Equal((1, 5), (error.Line, error.Column));
        Assert.Contains("'\"\"\"'", error.Message);
    }

    [Fact]
    public void Tokenize_InvalidEscape_ReportsEscapePosition()
    {
        var error = Assert.Throws<HoconParseException>(() => HoconLexer.Tokenize("x = \"ab\\q\"", "t.conf"));

        Assert.Equal((1, 8), (error.Line, error.Column));
        Assert.Contains("invalid escape", error.Message);
    }

    [Theory]
    [InlineData("x = ${a", 1, 5, "expected '}'")]
    [InlineData("x = ${}", 1, 5, "empty substitution")]
    [InlineData("x = ${a..b}", 1, 7, "expected a path segment")]
    [InlineData("x = ${a*b}", 1, 8, "unexpected character '*'")]
    [InlineData("x = $a", 1, 5, "expected '${'")]
    public void Tokenize_BadSubstitution_ReportsPosition(string text, int line, int column, string expected)
    {
        var error = Assert.Throws<HoconParseException>(() => HoconLexer.Tokenize(text, "t.conf"));

        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Tokenize_ForbiddenCharacter_ReportsPosition()
    {
        var error = Assert.Throws<HoconParseException>(() => HoconLexer.Tokenize("a = b\nc = d@e", "t.conf"));

        Assert.Equal((2, 6), (error.Line, error.Column));
        Assert.Contains("'@'", error.Message);
    }
}
