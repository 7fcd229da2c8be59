using System.Reflection;
using System.Text.Json;
using Pomelo.Akka.Cluster;

namespace Pomelo.Akka.Tests.Cluster;

public sealed class ServerEntryTests
{
    [Fact]
    public void FromInfo_ReadsTheFields_AndKeepsTheWholeInfo()
    {
        var info = JsonDocument.Parse("""{"id":"area-1","serverType":"area","host":"10.0.0.2","port":3150,"incarnation":4,"extra":{"a":[1,2]}}""").RootElement;

        var entry = ServerEntry.FromInfo(info)!;

        Assert.Equal(("area-1", "area", "10.0.0.2", 3150, 4L), (entry.Id, entry.ServerType, entry.Host, entry.Port!.Value, entry.Incarnation));
        Assert.Equal(info.GetRawText(), entry.Info.GetRawText());
    }

    [Fact]
    public void FromInfo_OfAServerInAWholeMapsReply_DoesNotHoldOnToTheReply()
    {
        // Message bodies are clones of their payload; an element's Clone() inside a clone is that same document.
        var servers = string.Join(',', Enumerable.Range(0, 2000).Select(i => $$"""
            "s-{{i}}":{"id":"s-{{i}}","serverType":"area","host":"127.0.0.1","port":{{10000 + i}}}
            """));
        JsonElement reply;
        using (var document = JsonDocument.Parse("{\"servers\":{" + servers + "}}"))
        {
            reply = document.RootElement.Clone();
        }

        var entry = ServerEntry.FromInfo(reply.GetProperty("servers").GetProperty("s-7"))!;

        Assert.NotSame(DocumentOf(reply), DocumentOf(entry.Info));
        Assert.Equal("""{"id":"s-7","serverType":"area","host":"127.0.0.1","port":10007}""", entry.Info.GetRawText());
    }

    private static object DocumentOf(JsonElement element)
        => typeof(JsonElement).GetField("_parent", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(element)!;
}
