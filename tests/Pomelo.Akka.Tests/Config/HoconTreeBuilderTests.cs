namespace Pomelo.Akka.Tests.Config;

public sealed class HoconTreeBuilderTests
{
    [Fact]
    public void Build_DuplicateObjects_MergeRecursively()
    {
        var data = HoconTestDocument.Load("a { x = 1, n { p = 1 } }\na { y = 2, n { q = 2 } }");

        Assert.Equal("1", data["a:x"]);
        Assert.Equal("2", data["a:y"]);
        Assert.Equal("1", data["a:n:p"]);
        Assert.Equal("2", data["a:n:q"]);
    }

    [Fact]
    public void Build_DottedPathAfterObject_MergesIntoIt()
    {
        var data = HoconTestDocument.Load("a { x = 1 }\na.y = 2");

        Assert.Equal("1", data["a:x"]);
        Assert.Equal("2", data["a:y"]);
    }

    [Fact]
    public void Build_DuplicateScalar_LaterWins()
    {
        var data = HoconTestDocument.Load("a = 1\na = 2");

        Assert.Equal("2", data["a"]);
    }

    [Fact]
    public void Build_ScalarAfterObject_ReplacesObject()
    {
        var data = HoconTestDocument.Load("a { x = 1 }\na = 5");

        Assert.Equal("5", data["a"]);
        Assert.False(data.ContainsKey("a:x"));
    }

    [Fact]
    public void Build_ObjectAfterScalar_ReplacesScalar()
    {
        var data = HoconTestDocument.Load("a = 5\na { x = 1 }");

        Assert.Equal("1", data["a:x"]);
        Assert.False(data.ContainsKey("a"));
    }

    [Fact]
    public void Build_ArrayAfterArray_Replaces()
    {
        var data = HoconTestDocument.Load("a = [1, 2, 3]\na = [9]");

        Assert.Equal("9", data["a:0"]);
        Assert.False(data.ContainsKey("a:1"));
    }

    [Fact]
    public void Build_KeysDifferingInCase_AreTheSameField()
    {
        var data = HoconTestDocument.Load("Server { Port = 1 }\nserver.port = 2");

        Assert.Equal("2", data["SERVER:PORT"]);
        Assert.Single(data);
    }

    [Fact]
    public void Build_PlusEquals_AppendsToArray()
    {
        var data = HoconTestDocument.Load("a = [1]\na += 2\na += { x = 3 }");

        Assert.Equal("1", data["a:0"]);
        Assert.Equal("2", data["a:1"]);
        Assert.Equal("3", data["a:2:x"]);
    }

    [Fact]
    public void Build_PlusEqualsWithoutEarlierValue_StartsArray()
    {
        var data = HoconTestDocument.Load("a.b += x");

        Assert.Equal("x", data["a:b:0"]);
    }

    [Fact]
    public void Build_PlusEqualsOnScalar_IsAnError()
    {
        var error = HoconTestDocument.Fails("a = 1\na += 2");

        Assert.Equal((1, 5), (error.Line, error.Column));
        Assert.Contains("cannot concatenate an array with a string", error.Message);
    }

    [Fact]
    public void Build_AdjacentObjects_Merge()
    {
        var data = HoconTestDocument.Load("a = { x = 1, y = 1 } { y = 2 }");

        Assert.Equal("1", data["a:x"]);
        Assert.Equal("2", data["a:y"]);
    }

    [Fact]
    public void Build_SelfReference_AppendsToEarlierValue()
    {
        var data = HoconTestDocument.Load("path = /usr/bin\npath = ${path}\":/opt/bin\"");

        Assert.Equal("/usr/bin:/opt/bin", data["path"]);
    }

    [Fact]
    public void Build_SelfReferenceInNestedObject_UsesEarlierValue()
    {
        var data = HoconTestDocument.Load("a { list = [1] }\na { list = ${a.list} [2] }");

        Assert.Equal("1", data["a:list:0"]);
        Assert.Equal("2", data["a:list:1"]);
    }

    [Fact]
    public void Build_SelfReferenceToObject_MergesWithConcatenatedObject()
    {
        var data = HoconTestDocument.Load("a { x = 1 }\na = ${a} { y = 2 }");

        Assert.Equal("1", data["a:x"]);
        Assert.Equal("2", data["a:y"]);
    }

    [Fact]
    public void Build_SelfReferenceWithoutEarlierValue_FallsBackToEnvironment()
    {
        var env = HoconTestDocument.Environment(("PATH", "/bin"));

        var data = HoconTestDocument.Load("PATH = ${PATH}\":/extra\"", env);

        Assert.Equal("/bin:/extra", data["PATH"]);
    }

    [Fact]
    public void Build_OptionalSelfReferenceWithoutAnything_DropsPart()
    {
        var data = HoconTestDocument.Load("a = ${?a} [1]");

        Assert.Equal("1", data["a:0"]);
    }

    [Fact]
    public void Build_ObjectAfterSubstitution_MergesOnceResolved()
    {
        var data = HoconTestDocument.Load("defaults { x = 1, y = 1 }\na = ${defaults}\na { y = 2 }");

        Assert.Equal("1", data["a:x"]);
        Assert.Equal("2", data["a:y"]);
    }
}
