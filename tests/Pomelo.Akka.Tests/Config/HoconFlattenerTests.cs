using Microsoft.Extensions.Configuration;
using Pomelo.Akka.Config;

namespace Pomelo.Akka.Tests.Config;

public sealed class HoconFlattenerTests
{
    [Fact]
    public void Flatten_NestedObjectsAndArrays_UseKeyDelimiter()
    {
        var data = HoconTestDocument.Load("a { b = [x, { c = 1 }] }");

        Assert.Equal("x", data[ConfigurationPath.Combine("a", "b", "0")]);
        Assert.Equal("1", data["a:b:1:c"]);
    }

    [Fact]
    public void Flatten_RootArray_StartsKeysWithIndex()
    {
        var data = HoconTestDocument.Load("""[{"id": "a", "port": 1}, {"id": "b"}]""");

        Assert.Equal("a", data["0:id"]);
        Assert.Equal("1", data["0:port"]);
        Assert.Equal("b", data["1:id"]);
    }

    [Fact]
    public void Flatten_EmptyObjectAndArray_ArePresentWithNullValue()
    {
        var data = HoconTestDocument.Load("a {}\nb = []");

        Assert.True(data.ContainsKey("a"));
        Assert.Null(data["a"]);
        Assert.True(data.ContainsKey("b"));
        Assert.Null(data["b"]);
    }

    [Fact]
    public void Flatten_Keys_AreCaseInsensitive()
    {
        var data = HoconFlattener.Flatten(
            HoconDocumentLoader.Load("Master { Host = h }", new HoconLoadOptions("t", ".", null, _ => null)));

        Assert.Equal("h", data["master:host"]);
    }
}
