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
}
