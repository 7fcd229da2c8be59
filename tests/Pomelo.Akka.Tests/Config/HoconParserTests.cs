using Pomelo.Akka.Config;

namespace Pomelo.Akka.Tests.Config;

public sealed class HoconParserTests
{
    [Fact]
    public void Parse_JsonObject_ReadsNestedValues()
    {
        var data = HoconTestDocument.Load("""{ "a": { "b": 1, "c": "x y", "d": true, "e": [1, 2] } }""");

        Assert.Equal("1", data["a:b"]);
        Assert.Equal("x y", data["a:c"]);
        Assert.Equal("true", data["a:d"]);
        Assert.Equal("2", data["a:e:1"]);
    }

    [Fact]
    public void Parse_RootArray_YieldsIndexedSyntax()
    {
        var root = HoconParser.Parse("""[{"id": "a"}, {"id": "b"}]""", "t.json");

        var array = Assert.IsType<HoconArray>(root);
        Assert.Equal(2, array.Elements.Length);
        Assert.All(array.Elements, e => Assert.IsType<HoconObjectSyntax>(e));
    }

    [Fact]
    public void Parse_UnquotedKeysAndEqualsOrColon_AreEquivalent()
    {
        var data = HoconTestDocument.Load("a = 1\nb : 2\nc=3, d:4");

        Assert.Equal(new string?[] { "1", "2", "3", "4" }, new[] { data["a"], data["b"], data["c"], data["d"] });
    }

    [Fact]
    public void Parse_ObjectWithoutSeparator_IsAField()
    {
        var data = HoconTestDocument.Load("server {\n  host = localhost\n  port = 3005\n}");

        Assert.Equal("localhost", data["server:host"]);
        Assert.Equal("3005", data["server:port"]);
    }

    [Fact]
    public void Parse_UnquotedWordsOnOneLine_AreOneValueWithInnerWhitespace()
    {
        var data = HoconTestDocument.Load("a = hello   world  \nb = x");

        Assert.Equal("hello   world", data["a"]);
    }

    [Fact]
    public void Parse_QuotedAndUnquotedParts_Concatenate()
    {
        var data = HoconTestDocument.Load("a = foo \"bar\" baz");

        Assert.Equal("foo bar baz", data["a"]);
    }

    [Fact]
    public void Parse_TrailingComments_AreNotPartOfValues()
    {
        var data = HoconTestDocument.Load("a = 1 // one\nb = two words # hash\n# whole line\nc = \"x#y//z\"");

        Assert.Equal("1", data["a"]);
        Assert.Equal("two words", data["b"]);
        Assert.Equal("x#y//z", data["c"]);
    }

    [Fact]
    public void Parse_WindowsLineEndings_AreTrimmed()
    {
        var data = HoconTestDocument.Load("{\r\n  \"a\": 1,\r\n  b = hello world\r\n}\r\n");

        Assert.Equal("1", data["a"]);
        Assert.Equal("hello world", data["b"]);
    }

    [Fact]
    public void Parse_TripleQuotedValue_KeepsLines()
    {
        var data = HoconTestDocument.Load("text = \"\"\"first\nsecond\"\"\"\nnext = 1");

        Assert.Equal("first\nsecond", data["text"]);
        Assert.Equal("1", data["next"]);
    }

    [Fact]
    public void Parse_TrailingCommas_AreAllowed()
    {
        var data = HoconTestDocument.Load("{ a = [1, 2, ], b = 3, }");

        Assert.Equal("2", data["a:1"]);
        Assert.False(data.ContainsKey("a:2"));
        Assert.Equal("3", data["b"]);
    }

    [Fact]
    public void Parse_NewlinesSeparateArrayElements()
    {
        var data = HoconTestDocument.Load("a = [\n  1\n  2\n\n  3\n]");

        Assert.Equal(new string?[] { "1", "2", "3" }, new[] { data["a:0"], data["a:1"], data["a:2"] });
    }

    [Fact]
    public void Parse_NestedArraysAndArraysOfObjects_AreIndexed()
    {
        var data = HoconTestDocument.Load("a = [[1, 2], [3]]\nb = [{ x = 1 }, { x = 2, y { z = 3 } }]");

        Assert.Equal("2", data["a:0:1"]);
        Assert.Equal("3", data["a:1:0"]);
        Assert.Equal("2", data["b:1:x"]);
        Assert.Equal("3", data["b:1:y:z"]);
    }

    [Fact]
    public void Parse_DottedKey_ExpandsToNestedObjects()
    {
        var data = HoconTestDocument.Load("a.b.c = 1\na.b.d = 2");

        Assert.Equal("1", data["a:b:c"]);
        Assert.Equal("2", data["a:b:d"]);
    }

    [Fact]
    public void Parse_QuotedKeySegment_KeepsDots()
    {
        var data = HoconTestDocument.Load("\"a.b\" = 1\nx.\"y.z\".w = 2");

        Assert.Equal("1", data["a.b"]);
        Assert.Equal("2", data["x:y.z:w"]);
        Assert.False(data.ContainsKey("a:b"));
    }

    [Fact]
    public void Parse_Null_YieldsNullValue()
    {
        var data = HoconTestDocument.Load("a = null\nb = \"null\"");

        Assert.True(data.ContainsKey("a"));
        Assert.Null(data["a"]);
        Assert.Equal("null", data["b"]);
    }

    [Fact]
    public void Parse_IncludeForms_ProduceIncludeMembers()
    {
        var root = (HoconObjectSyntax)HoconParser.Parse(
            "include \"a.conf\"\ninclude file(\"b.conf\")\ninclude required(\"c.conf\")\ninclude required( file( \"d.conf\" ) )\ninclude = 5",
            "t.conf");

        var includes = root.Members.OfType<HoconInclude>().Select(i => (i.FileName, i.Required)).ToList();
        Assert.Equal([("a.conf", false), ("b.conf", false), ("c.conf", true), ("d.conf", true)], includes);
        Assert.Single(root.Members.OfType<HoconField>());
    }

    [Fact]
    public void Parse_IncludeMissingParenthesis_ReportsPosition()
    {
        var error = Assert.Throws<HoconParseException>(() => HoconParser.Parse("include required(\"x.conf\"\n", "t.conf"));

        Assert.Equal((1, 26), (error.Line, error.Column));
        Assert.Contains("expected ')'", error.Message);
    }

    [Fact]
    public void Parse_MissingClosingBrace_ReportsEndOfInputPosition()
    {
        var error = HoconTestDocument.Fails("a {\n  b = 1\n");

        Assert.Equal((HoconTestDocument.FileName, 3, 1), (error.File, error.Line, error.Column));
        Assert.Contains("expected '}' to close the object opened at 1:3", error.Message);
    }

    [Fact]
    public void Parse_MissingClosingBracket_ReportsPosition()
    {
        var error = HoconTestDocument.Fails("a = [1, 2");

        Assert.Equal((1, 10), (error.Line, error.Column));
        Assert.Contains("expected ']'", error.Message);
    }

    [Fact]
    public void Parse_MissingSeparator_ReportsKeyAndPosition()
    {
        var error = HoconTestDocument.Fails("a = 1\nb 2\nc = 3");

        Assert.Equal("test.conf:2:4: expected ':', '=', '+=' or '{' after key 'b 2', found end of line", error.Message);
    }

    [Fact]
    public void Parse_MissingValue_ReportsPosition()
    {
        var error = HoconTestDocument.Fails("a = 1\nb = ,");

        Assert.Equal((2, 5), (error.Line, error.Column));
        Assert.Contains("expected a value, found ','", error.Message);
    }

    [Fact]
    public void Parse_ColonInsideUnquotedValue_IsRejected()
    {
        var error = HoconTestDocument.Fails("url = http://example.com");

        Assert.Equal((1, 11), (error.Line, error.Column));
        Assert.Contains("after a field", error.Message);
    }

    [Fact]
    public void Parse_TextAfterRootObject_IsRejected()
    {
        var error = HoconTestDocument.Fails("{ a = 1 }\nb = 2");

        Assert.Equal((2, 1), (error.Line, error.Column));
        Assert.Contains("expected end of input", error.Message);
    }

    [Fact]
    public void Parse_EmptyPathSegment_IsRejected()
    {
        var error = HoconTestDocument.Fails("a..b = 1");

        Assert.Equal((1, 1), (error.Line, error.Column));
        Assert.Contains("expected a path segment", error.Message);
    }
}
