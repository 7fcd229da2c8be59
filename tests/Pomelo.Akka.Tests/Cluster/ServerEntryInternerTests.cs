using System.Text;
using Pomelo.Akka.Cluster;

namespace Pomelo.Akka.Tests.Cluster;

public sealed class ServerEntryInternerTests
{
    private static readonly byte[] Area1 = """{"id":"area-1","serverType":"area","host":"10.0.0.2","port":3150,"incarnation":4}"""u8.ToArray();

    [Fact]
    public void FromInfo_TheSameInfoTwice_GivesTheSameEntry()
    {
        var interner = new ServerEntryInterner();

        var first = interner.FromInfo(Area1, default)!;
        var second = interner.FromInfo(Area1.ToArray(), default)!;

        Assert.Same(first, second);
        Assert.Equal(("area-1", "area", "10.0.0.2", 3150, 4L), (first.Id, first.ServerType, first.Host, first.Port!.Value, first.Incarnation));
        Assert.Equal(1, interner.Count);
    }

    [Fact]
    public void FromInfo_ADifferentInfoForTheSameId_GivesANewEntry_AndTheOldOneStaysValid()
    {
        var interner = new ServerEntryInterner();
        var old = interner.FromInfo(Area1, default)!;

        var restarted = interner.FromInfo("""{"id":"area-1","serverType":"area","host":"10.0.0.2","port":3150,"incarnation":5}"""u8, default)!;

        Assert.NotSame(old, restarted);
        Assert.Equal((4L, 5L), (old.Incarnation, restarted.Incarnation));
        Assert.Same(restarted, interner.FromInfo("""{"id":"area-1","serverType":"area","host":"10.0.0.2","port":3150,"incarnation":5}"""u8, default));
    }

    [Fact]
    public void FromInfo_SharesServerTypesAndHosts_AcrossServers()
    {
        var interner = new ServerEntryInterner();

        var a = interner.FromInfo("""{"id":"a","serverType":"connector","host":"10.0.0.9"}"""u8, default)!;
        var b = interner.FromInfo("""{"id":"b","serverType":"connector","host":"10.0.0.9"}"""u8, default)!;

        Assert.Same(a.ServerType, b.ServerType);
        Assert.Same(a.Host, b.Host);
    }

    [Fact]
    public void FromInfo_WithoutAnId_UsesTheFallback_AndFindsItAgain()
    {
        var interner = new ServerEntryInterner();

        var first = interner.FromInfo("""{"serverType":"area"}"""u8, "area-9")!;

        Assert.Equal("area-9", first.Id);
        Assert.Same(first, interner.FromInfo("""{"serverType":"area"}"""u8, "area-9"));
        Assert.Null(interner.FromInfo("""{"serverType":"area"}"""u8, default));
        Assert.Null(interner.FromInfo("""[1]"""u8, "x"));
    }

    [Fact]
    public void FromInfo_AnEscapedOrLongId_IsReadAndLookedUp()
    {
        var interner = new ServerEntryInterner();
        var longId = new string('x', 1000);
        var info = Encoding.UTF8.GetBytes("{\"id\":\"" + longId + "\"}");

        Assert.Same(interner.FromInfo(info, default), interner.FromInfo(info, default));
        Assert.Equal("a\"b", interner.FromInfo("""{"id":"a\"b"}"""u8, default)!.Id);
        Assert.Equal("é", interner.FromInfo("""{"id":"\u00e9"}"""u8, default)!.Id);
    }

    [Fact]
    public async Task FromInfo_TheSameInfoFromManyThreadsAtOnce_GivesOneEntry()
    {
        for (var round = 0; round < 50; round++)
        {
            var interner = new ServerEntryInterner();
            using var start = new Barrier(4);
            var entries = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
            {
                start.SignalAndWait();
                return interner.FromInfo(Area1, default)!;
            })));

            Assert.All(entries, e => Assert.Same(entries[0], e));
        }
    }

    [Fact]
    public void FromInfo_PastTheLimit_StartsOverEmpty()
    {
        var interner = new ServerEntryInterner();
        for (var i = 0; i < ServerEntryInterner.MaxEntries; i++)
        {
            interner.FromInfo(Encoding.UTF8.GetBytes("{\"id\":\"s-" + i + "\"}"), default);
        }

        Assert.Equal(ServerEntryInterner.MaxEntries, interner.Count);

        interner.FromInfo("""{"id":"one-more"}"""u8, default);

        Assert.Equal(1, interner.Count);
    }

    [Fact]
    public void ReadMap_ReadsEveryServer_KeysStandInForMissingIds()
    {
        var interner = new ServerEntryInterner();
        var shared = interner.FromInfo(Area1, default);

        var entries = interner.ReadMap("""{"area-1":{"id":"area-1","serverType":"area","host":"10.0.0.2","port":3150,"incarnation":4},"conn-1":{"serverType":"connector"},"bad":"not an object"}"""u8);

        Assert.NotNull(entries);
        Assert.Equal(["area-1", "conn-1"], entries.Select(e => e.Id));
        Assert.Same(shared, entries[0]);
        Assert.Equal("connector", entries[1].ServerType);
        Assert.Empty(interner.ReadMap("""{}"""u8)!);
        Assert.Null(interner.ReadMap("""[]"""u8));
        Assert.Null(interner.ReadMap("""null"""u8));
    }
}
