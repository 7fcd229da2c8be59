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
    public void FromInfo_OwnDocument_KeepsTheInfoAfterTheMessageIsDisposed()
    {
        var message = JsonDocument.Parse("""{"moduleId":"__monitorwatcher__","body":{"action":"addServer","server":{"id":"area-2","serverType":"area","port":3151}}}""");
        var server = message.RootElement.GetProperty("body").GetProperty("server");
        var raw = server.GetRawText();

        var entry = ServerEntry.FromInfo(server, null, ownDocument: true)!;
        message.Dispose();

        Assert.Equal(("area-2", "area", 3151), (entry.Id, entry.ServerType, entry.Port!.Value));
        Assert.Equal(raw, entry.Info.GetRawText());
        Assert.Equal(3151, entry.Info.GetProperty("port").GetInt32());
    }
}
