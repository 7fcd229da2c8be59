using System.Text;
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
    public void FromInfo_KeepsTheInfoAfterTheMessageIsDisposed()
    {
        var message = JsonDocument.Parse("""{"moduleId":"__monitorwatcher__","body":{"action":"addServer","server":{"id":"area-2","serverType":"area","port":3151}}}""");
        var server = message.RootElement.GetProperty("body").GetProperty("server");
        var raw = server.GetRawText();

        var entry = ServerEntry.FromInfo(server)!;
        message.Dispose();

        Assert.Equal(("area-2", "area", 3151), (entry.Id, entry.ServerType, entry.Port!.Value));
        Assert.Equal(raw, entry.Info.GetRawText());
        Assert.Equal(3151, entry.Info.GetProperty("port").GetInt32());
    }

    [Theory]
    [InlineData("""{"serverType":"area"}""", null)]
    [InlineData("""{"id":"","serverType":"area"}""", null)]
    [InlineData("""[1,2]""", "area-1")]
    [InlineData("""  "area-1"  """, "area-1")]
    public void FromInfo_WithoutAnIdOrNotAnObject_IsNull(string json, string? fallbackId)
    {
        Assert.Null(ServerEntry.FromInfo(JsonDocument.Parse(json).RootElement, fallbackId));
    }

    [Fact]
    public void FromInfo_WithoutAnId_TakesTheFallback_AndOddFieldTypesReadAsAbsent()
    {
        var entry = ServerEntry.FromInfo(JsonDocument.Parse("""{"serverType":7,"host":null,"port":"3150","incarnation":"x","nested":{"id":"inner"}}""").RootElement, "key-1")!;

        Assert.Equal(("key-1", string.Empty, null, null, 0L), (entry.Id, entry.ServerType, entry.Host, entry.Port, entry.Incarnation));
    }

    [Fact]
    public async Task Info_ReadFromManyThreadsAtOnce_IsTheSameInfo()
    {
        var entry = ServerEntry.FromInfo(JsonDocument.Parse("""{"id":"a","pid":42}""").RootElement)!;

        var infos = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => entry.Info)));

        Assert.All(infos, info => Assert.Equal(42, info.GetProperty("pid").GetInt32()));
    }

    [Fact]
    public void Info_OfAnEntryBuiltWithoutOne_IsUndefined()
    {
        Assert.Equal(JsonValueKind.Undefined, new ServerEntry("b", "t", null, null, 0, default(JsonElement)).Info.ValueKind);
    }

    [Fact]
    public void Constructor_CopiesTheInfo()
    {
        var document = JsonDocument.Parse("""{"id":"a","serverType":"t","extra":true}""");
        var entry = new ServerEntry("a", "t", "h", 1, 2, document.RootElement);
        document.Dispose();

        Assert.Equal("""{"id":"a","serverType":"t","extra":true}""", Encoding.UTF8.GetString(entry.InfoUtf8));
        Assert.True(entry.Info.GetProperty("extra").GetBoolean());
    }
}
