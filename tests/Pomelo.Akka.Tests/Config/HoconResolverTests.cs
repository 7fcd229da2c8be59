namespace Pomelo.Akka.Tests.Config;

public sealed class HoconResolverTests
{
    [Fact]
    public void Resolve_Substitution_CopiesValue()
    {
        var data = HoconTestDocument.Load("a.b = 42\nc = ${a.b}");

        Assert.Equal("42", data["c"]);
    }

    [Fact]
    public void Resolve_ForwardReference_SeesFinalValue()
    {
        var data = HoconTestDocument.Load("c = ${a}\na = 1\na = 2");

        Assert.Equal("2", data["c"]);
    }

    [Fact]
    public void Resolve_SubstitutionInConcatenation_JoinsStrings()
    {
        var data = HoconTestDocument.Load("base = /var/app\nlogs = ${base}/logs\nname = \"app-\"${env}\nenv = prod");

        Assert.Equal("/var/app/logs", data["logs"]);
        Assert.Equal("app-prod", data["name"]);
    }

    [Fact]
    public void Resolve_ObjectSubstitution_CopiesWholeObjectIncludingLaterMerges()
    {
        var data = HoconTestDocument.Load("a { x = 1 }\nb = ${a}\na { y = 2 }");

        Assert.Equal("1", data["b:x"]);
        Assert.Equal("2", data["b:y"]);
    }

    [Fact]
    public void Resolve_ArraySubstitutions_Concatenate()
    {
        var data = HoconTestDocument.Load("a = [1, 2]\nb = ${a} [3]");

        Assert.Equal(["1", "2", "3"], Enumerable.Range(0, 3).Select(i => data[$"b:{i}"]!).ToArray());
    }

    [Fact]
    public void Resolve_SiblingReferenceInsideObject_IsNotACycle()
    {
        var data = HoconTestDocument.Load("a { b = 1, c = ${a.b} }");

        Assert.Equal("1", data["a:c"]);
    }

    [Fact]
    public void Resolve_QuotedPathSegment_LooksUpDottedKey()
    {
        var data = HoconTestDocument.Load("\"a.b\" = 7\nc = ${\"a.b\"}");

        Assert.Equal("7", data["c"]);
    }

    [Fact]
    public void Resolve_MissingPath_FallsBackToEnvironment()
    {
        var env = HoconTestDocument.Environment(("HOME", "/home/pomelo"));

        var data = HoconTestDocument.Load("dir = ${HOME}/data\nopt = ${?HOME}", env);

        Assert.Equal("/home/pomelo/data", data["dir"]);
        Assert.Equal("/home/pomelo", data["opt"]);
    }

    [Fact]
    public void Resolve_DocumentValue_TakesPrecedenceOverEnvironment()
    {
        var env = HoconTestDocument.Environment(("port", "9999"));

        var data = HoconTestDocument.Load("port = 1\nx = ${port}", env);

        Assert.Equal("1", data["x"]);
    }

    [Fact]
    public void Resolve_MissingOptional_DropsField()
    {
        var data = HoconTestDocument.Load("a = ${?NOPE}\nb = 1");

        Assert.False(data.ContainsKey("a"));
        Assert.Equal("1", data["b"]);
    }

    [Fact]
    public void Resolve_MissingOptional_KeepsEarlierValue()
    {
        var data = HoconTestDocument.Load("port = 3005\nport = ${?PORT}");

        Assert.Equal("3005", data["port"]);
    }

    [Fact]
    public void Resolve_OptionalFromEnvironment_OverridesEarlierValue()
    {
        var data = HoconTestDocument.Load("port = 3005\nport = ${?PORT}", HoconTestDocument.Environment(("PORT", "4000")));

        Assert.Equal("4000", data["port"]);
    }

    [Fact]
    public void Resolve_CaseVariantOfOwnKey_ReadsEnvironmentNotItself()
    {
        var data = HoconTestDocument.Load("host = ${?HOST}\nport = 1\nport = ${PORT}", HoconTestDocument.Environment(("PORT", "4000")));

        Assert.False(data.ContainsKey("host"));
        Assert.Equal("4000", data["port"]);
    }

    [Fact]
    public void Resolve_MissingOptionalInArray_DropsElement()
    {
        var data = HoconTestDocument.Load("a = [1, ${?NOPE}, 3]");

        Assert.Equal("3", data["a:1"]);
        Assert.False(data.ContainsKey("a:2"));
    }

    [Fact]
    public void Resolve_Unresolved_ReportsSubstitutionPosition()
    {
        var error = HoconTestDocument.Fails("a = 1\nb = x ${missing.path}");

        Assert.Equal((HoconTestDocument.FileName, 2, 7), (error.File, error.Line, error.Column));
        Assert.Contains("could not resolve substitution ${missing.path}", error.Message);
        Assert.Contains("environment variable named 'missing.path'", error.Message);
    }

    [Fact]
    public void Resolve_Cycle_ReportsPosition()
    {
        var error = HoconTestDocument.Fails("a = ${b}\nb = ${c}\nc = ${a}");

        Assert.Contains("substitution cycle", error.Message);
        Assert.Contains(error.Line, new[] { 1, 2, 3 });
        Assert.Equal(5, error.Column);
    }

    [Fact]
    public void Resolve_ObjectReferringToItself_IsACycle()
    {
        var error = HoconTestDocument.Fails("a { b = ${a} }");

        Assert.Equal((1, 9), (error.Line, error.Column));
        Assert.Contains("substitution cycle: ${a}", error.Message);
    }

    [Fact]
    public void Resolve_ObjectConcatenatedWithString_IsAnError()
    {
        var error = HoconTestDocument.Fails("a { x = 1 }\nb = ${a} foo");

        Assert.Equal((2, 5), (error.Line, error.Column));
        Assert.Contains("cannot concatenate an object with a string", error.Message);
    }

    [Fact]
    public void Resolve_EnvironmentValue_IsNotNormalised()
    {
        var data = HoconTestDocument.Load("a = ${SECRET}", HoconTestDocument.Environment(("SECRET", "10k")));

        Assert.Equal("10k", data["a"]);
    }
}
