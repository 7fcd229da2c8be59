using System.Text.Json;
using Pomelo.Akka.Cluster;

namespace Pomelo.Akka.Tests.Cluster;

public sealed class ServerMapTests
{
    [Fact]
    public void StaleRemoveAfterTheNewIncarnationsAdd_KeepsTheNewIncarnation()
    {
        var map = new ServerMap();
        map.Add(Entry("area-1", 100));
        var changes = new List<ServerMapChange>();
        map.Changed += changes.Add;

        Assert.True(map.Add(Entry("area-1", 200)));
        Assert.False(map.Remove("area-1", 100));

        Assert.Equal(200, map.Find("area-1")!.Incarnation);
        Assert.Equal([ServerMapChangeKind.Added], changes.Select(c => c.Kind));
    }

    [Fact]
    public void StaleAddAfterARemove_IsIgnored_ButANewerIncarnationIsAdded()
    {
        var map = new ServerMap();
        map.Add(Entry("area-1", 100));
        Assert.True(map.Remove("area-1", 100));

        Assert.False(map.Add(Entry("area-1", 100)));
        Assert.Null(map.Find("area-1"));
        Assert.True(map.Add(Entry("area-1", 101)));
    }

    [Fact]
    public void RemoveWithoutIncarnation_FromAPomeloMaster_RemovesWhateverIsThere()
    {
        var map = new ServerMap();
        map.Add(Entry("area-1", 7));

        Assert.True(map.Remove("area-1", null));
        Assert.Empty(map.Servers);
    }

    [Fact]
    public void Replace_TakesTheMastersViewButKeepsNewerLocalIncarnations()
    {
        var map = new ServerMap();
        map.Add(Entry("a", 5));
        map.Add(Entry("gone", 1));

        map.Replace([Entry("a", 3), Entry("b", 1)]);

        Assert.Equal(["a", "b"], map.Servers.Select(s => s.Id));
        Assert.Equal(5, map.Find("a")!.Incarnation);
    }

    [Fact]
    public void ReplaceSince_AViewOvertakenByLaterUpdates_KeepsThoseUpdates()
    {
        var map = new ServerMap();
        map.Add(Entry("old", 1));
        map.Add(Entry("leaving", 1));
        var since = map.Version;

        // Updates sent after the view was taken arrive before it.
        map.Add(Entry("late", 1));
        map.Remove("leaving", 1);
        map.Replace([Entry("old", 1), Entry("leaving", 1), Entry("other", 1)], since);

        Assert.Equal(["late", "old", "other"], map.Servers.Select(s => s.Id));
    }

    [Fact]
    public void ReplaceSince_ServersNotTouchedSince_TakeTheView()
    {
        var map = new ServerMap();
        map.Add(Entry("stale", 1));
        var since = map.Version;

        map.Replace([Entry("fresh", 1)], since);

        Assert.Equal(["fresh"], map.Servers.Select(s => s.Id));
        Assert.True(map.Version > since);
    }

    [Fact]
    public void Replace_AViewListingARemovedIncarnation_KeepsTheNewerOneKnownHere()
    {
        var map = new ServerMap();
        map.Remove("a", 7);
        map.Add(Entry("a", 9));

        map.Replace([Entry("a", 6)]);

        Assert.Equal(9, map.Find("a")!.Incarnation);
    }

    [Fact]
    public void Replace_AViewListingARemovedIncarnation_DoesNotBringItBack()
    {
        var map = new ServerMap();
        map.Add(Entry("a", 6));
        map.Remove("a", 6);

        map.Replace([Entry("a", 6), Entry("b", 1)]);

        Assert.Null(map.Find("a"));
        Assert.Equal(1, map.Count);
    }

    [Fact]
    public void Count_FollowsAddsRemovesAndReplaces()
    {
        var map = new ServerMap();
        Assert.Equal(0, map.Count);

        map.Add(Entry("a", 1));
        map.Add(Entry("a", 2));
        map.Add(Entry("b", 1));
        Assert.Equal(2, map.Count);

        map.Remove("a", 2);
        map.Remove("zz", 3);
        Assert.Equal(1, map.Count);

        map.Replace([Entry("c", 1), Entry("d", 1), Entry("e", 1)]);
        Assert.Equal(3, map.Count);
        Assert.Equal(map.Servers.Count, map.Count);
    }

    [Fact]
    public void OfType_ListsOnlyThatType()
    {
        var map = new ServerMap();
        map.Add(Entry("c-1", 1, "connector"));
        map.Add(Entry("a-1", 1, "area"));
        map.Add(Entry("c-2", 1, "connector"));

        Assert.Equal(["c-1", "c-2"], map.OfType("connector").Select(s => s.Id));
    }

    [Fact]
    public void MarkStartOver_RaisesOnce()
    {
        var map = new ServerMap();
        var raised = 0;
        map.StartOver += () => raised++;

        map.MarkStartOver();
        map.MarkStartOver();

        Assert.Equal(1, raised);
        Assert.True(map.StartedOver);
    }

    [Fact]
    public void FromInfo_ReadsPomeloServerInfo()
    {
        var info = JsonDocument.Parse("""{"id":"connector-server-1","serverType":"connector","host":"127.0.0.1","port":4050,"frontend":true}""").RootElement;

        var entry = ServerEntry.FromInfo(info)!;

        Assert.Equal(("connector-server-1", "connector", "127.0.0.1", (int?)4050, 0L), (entry.Id, entry.ServerType, entry.Host, entry.Port, entry.Incarnation));
        Assert.Null(ServerEntry.FromInfo(JsonDocument.Parse("""{"host":"x"}""").RootElement));
    }

    private static ServerEntry Entry(string id, long incarnation, string type = "area")
        => ServerEntry.FromInfo(JsonDocument.Parse($$"""{"id":"{{id}}","serverType":"{{type}}","incarnation":{{incarnation}}}""").RootElement)!;
}
