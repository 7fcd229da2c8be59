namespace Pomelo.Akka.Tests.Config;

public sealed class HoconIncludeLoaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Load_QuotedInclude_MergesFileAndLaterFieldsWin()
    {
        _dir.Write("common.conf", "a = 1\nb = 1\nnested { x = 1 }");

        var data = HoconTestDocument.Load("include \"common.conf\"\nb = 2\nnested { y = 2 }", directory: _dir.Path);

        Assert.Equal("1", data["a"]);
        Assert.Equal("2", data["b"]);
        Assert.Equal("1", data["nested:x"]);
        Assert.Equal("2", data["nested:y"]);
    }

    [Fact]
    public void Load_FileAndRequiredForms_AreIncluded()
    {
        _dir.Write("one.conf", "one = 1");
        _dir.Write("two.conf", "two = 2");
        _dir.Write("three.conf", "three = 3");

        var data = HoconTestDocument.Load(
            "include file(\"one.conf\")\ninclude required(\"two.conf\")\ninclude required(file(\"three.conf\"))",
            directory: _dir.Path);

        Assert.Equal(["1", "2", "3"], new[] { data["one"]!, data["two"]!, data["three"]! });
    }

    [Fact]
    public void Load_NameWithoutExtension_FindsConfFile()
    {
        _dir.Write("defaults.conf", "x = 1");

        var data = HoconTestDocument.Load("include \"defaults\"", directory: _dir.Path);

        Assert.Equal("1", data["x"]);
    }

    [Fact]
    public void Load_MissingOptionalInclude_IsIgnored()
    {
        var data = HoconTestDocument.Load("include \"absent.conf\"\na = 1", directory: _dir.Path);

        Assert.Equal("1", data["a"]);
    }

    [Fact]
    public void Load_MissingRequiredInclude_ReportsPosition()
    {
        var error = HoconTestDocument.Fails("a = 1\n  include required(\"absent.conf\")", directory: _dir.Path);

        Assert.Equal((HoconTestDocument.FileName, 2, 3), (error.File, error.Line, error.Column));
        Assert.Contains("required include 'absent.conf' was not found", error.Message);
    }

    [Fact]
    public void Load_NestedInclude_ResolvesRelativeToIncludedFile()
    {
        _dir.Write("sub/middle.conf", "include \"leaf.conf\"\nmiddle = 1");
        _dir.Write("sub/leaf.conf", "leaf = 2");

        var data = HoconTestDocument.Load("include \"sub/middle.conf\"", directory: _dir.Path);

        Assert.Equal("1", data["middle"]);
        Assert.Equal("2", data["leaf"]);
    }

    [Fact]
    public void Load_IncludeInsideObject_NestsFieldsAndPrefixesSubstitutions()
    {
        _dir.Write("db.conf", "host = localhost\nurl = \"tcp://\"${host}\":5432\"");

        var data = HoconTestDocument.Load("host = elsewhere\ndb { include \"db.conf\" }", directory: _dir.Path);

        Assert.Equal("localhost", data["db:host"]);
        Assert.Equal("tcp://localhost:5432", data["db:url"]);
    }

    [Fact]
    public void Load_SubstitutionInInclude_FallsBackToRootPath()
    {
        _dir.Write("db.conf", "url = ${shared.host}");

        var data = HoconTestDocument.Load("shared.host = h1\ndb { include \"db.conf\" }", directory: _dir.Path);

        Assert.Equal("h1", data["db:url"]);
    }

    [Fact]
    public void Load_IncludeCycle_ReportsIncludePositionInIncludedFile()
    {
        _dir.Write("a.conf", "a = 1\ninclude \"b.conf\"");
        var b = _dir.Write("b.conf", "b = 1\n\n  include \"a.conf\"");

        var error = HoconTestDocument.Fails("include \"a.conf\"", directory: _dir.Path);

        Assert.Equal((b, 3, 3), (error.File, error.Line, error.Column));
        Assert.Contains("include cycle: a.conf -> b.conf -> a.conf", error.Message);
    }

    [Fact]
    public void Load_ErrorInIncludedFile_NamesThatFile()
    {
        var broken = _dir.Write("broken.conf", "ok = 1\nbad = \"unterminated");

        var error = HoconTestDocument.Fails("include \"broken.conf\"", directory: _dir.Path);

        Assert.Equal((broken, 2, 7), (error.File, error.Line, error.Column));
        Assert.StartsWith($"{broken}:2:7: unterminated quoted string", error.Message);
    }

    [Fact]
    public void Load_IncludedArrayFile_IsRejected()
    {
        _dir.Write("list.json", "[1, 2]");

        var error = HoconTestDocument.Fails("include \"list.json\"", directory: _dir.Path);

        Assert.Contains("must contain an object", error.Message);
    }
}
