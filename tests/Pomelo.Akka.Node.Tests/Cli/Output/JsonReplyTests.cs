using System.Text.Json;
using Pomelo.Akka.Node.Cli.Output;

namespace Pomelo.Akka.Node.Tests.Cli.Output;

public sealed class JsonReplyTests
{
    [Fact]
    public void Flatten_NestedObject_DottedKeysAndDisplayValues()
    {
        using var document = JsonDocument.Parse("""{"a":{"b":1,"c":{"d":"x"}},"e":[1,2],"f":null,"g":{},"h":true}""");

        var pairs = JsonReply.Flatten(document.RootElement).ToList();

        Assert.Equal(
            [new("a.b", "1"), new("a.c.d", "x"), new("e", "[1,2]"), new("f", "-"), new("g", "{}"), new("h", "true")],
            pairs);
    }

    [Fact]
    public void Text_MissingOrNull_IsNull()
    {
        using var document = JsonDocument.Parse("""{"a":null,"b":2.5}""");

        Assert.Null(document.RootElement.Text("a"));
        Assert.Null(document.RootElement.Text("zz"));
        Assert.Equal("2.5", document.RootElement.Text("b"));
        Assert.Empty(document.RootElement.Items("b"));
    }
}
