using System.Net;
using System.Text;
using System.Text.Json;
using Pomelo.Akka.Cluster;
using Pomelo.Akka.Modules.Watchdog;
using Pomelo.Akka.Protocol;

namespace Pomelo.Akka.Tests.Modules.Watchdog;

public sealed class WatchdogStateTests
{
    [Fact]
    public void TakeBatch_ABurstOfUps_IsOneSendPerListenerWithEveryChangeSerialisedOnce()
    {
        var state = new WatchdogState();
        state.Subscribe("a");
        state.Subscribe("b");
        for (var i = 0; i < 10; i++)
        {
            state.Apply(new MemberUp(Member("s-" + i, 1)));
        }

        var sends = state.TakeBatch(_ => false);

        Assert.Equal(["a", "b"], sends.Select(s => s.ServerId).Order());
        Assert.All(sends, s => Assert.Equal(10, s.Count));
        Assert.Same(Array(sends[0].Notifies[3]), Array(sends[1].Notifies[3]));
        Assert.Equal("addServer", Body(sends[0].Last).GetProperty("action").GetString());
        Assert.Empty(state.TakeBatch(_ => false));
    }

    [Fact]
    public void Subscribe_AfterChanges_StartsFromAMapThatHasThem_AndGetsOnlyLaterOnes()
    {
        var state = new WatchdogState();
        state.Apply(new MemberUp(Member("s-1", 1)));
        state.TakeBatch(_ => false);

        var map = JsonDocument.Parse(Text(state.Subscribe("late"))).RootElement;
        state.Apply(new MemberUp(Member("s-2", 1)));
        var sends = state.TakeBatch(_ => false);

        Assert.True(map.TryGetProperty("s-1", out var info));
        Assert.Equal(1, info.GetProperty("incarnation").GetInt64());
        var send = Assert.Single(sends);
        Assert.Equal("late", send.ServerId);
        Assert.Equal(1, send.Count);
        Assert.Equal("s-2", Body(send.Last).GetProperty("server").GetProperty("id").GetString());
    }

    [Fact]
    public void TakeBatch_ABusyListener_KeepsItsChangesForTheNextBatch()
    {
        var state = new WatchdogState();
        state.Subscribe("slow");
        state.Apply(new MemberUp(Member("s-1", 1)));
        Assert.Empty(state.TakeBatch(_ => true));

        state.Apply(new MemberUp(Member("s-2", 1)));
        var send = Assert.Single(state.TakeBatch(_ => false));

        Assert.Equal(2, send.Count);
    }

    [Fact]
    public void TakeBatch_MoreThanMaxBatchPending_SendsThemInSeveralBatches()
    {
        var state = new WatchdogState();
        state.Subscribe("a");
        for (var i = 0; i < WatchdogState.MaxBatch + 10; i++)
        {
            state.Apply(new MemberUp(Member("s-" + i, 1)));
        }

        Assert.Equal(WatchdogState.MaxBatch, Assert.Single(state.TakeBatch(_ => false)).Count);
        Assert.Equal(10, Assert.Single(state.TakeBatch(_ => false)).Count);
    }

    [Fact]
    public void Apply_ARemoval_IsUrgent_AndNotSentToTheRemovedServerItself()
    {
        var state = new WatchdogState();
        state.Apply(new MemberUp(Member("gone", 1)));
        state.Subscribe("gone");
        state.Subscribe("other");
        state.TakeBatch(_ => false);

        state.Apply(new MemberUnreachable(Member("gone", 1) with { Status = MemberStatus.Unreachable }));

        Assert.True(state.HasUrgent);
        var send = Assert.Single(state.TakeBatch(_ => false));
        Assert.Equal("other", send.ServerId);
        Assert.Equal("removeServer", Body(send.Last).GetProperty("action").GetString());
        Assert.False(state.HasUrgent);
    }

    [Fact]
    public void Apply_RemovedAfterUnreachable_BroadcastsOnlyOnce()
    {
        var state = new WatchdogState();
        state.Apply(new MemberUp(Member("gone", 1)));
        state.Subscribe("other");

        Assert.True(state.Apply(new MemberUnreachable(Member("gone", 1))));
        Assert.False(state.Apply(new MemberRemoved(Member("gone", 1), MemberStatus.Unreachable)));
    }

    [Fact]
    public void TakeBatch_AReconnectedServer_GetsTheWholeMapAsReplaceServer()
    {
        var state = new WatchdogState();
        state.Apply(new MemberUp(Member("a", 1)));
        state.Subscribe("b");
        state.TakeBatch(_ => false);

        state.Apply(new MemberReachable(Member("b", 2), Reconnected: true));
        var sends = state.TakeBatch(_ => false);

        var body = Body(Assert.Single(sends).Last);
        Assert.Equal("replaceServer", body.GetProperty("action").GetString());
        Assert.Equal(["a", "b"], body.GetProperty("servers").EnumerateObject().Select(p => p.Name).Order());
        Assert.True(Assert.Single(sends).LastNotify.IsEmpty);
    }

    [Fact]
    public void Query_ReturnsEveryServerUp_WithItsIncarnation()
    {
        var state = new WatchdogState();
        state.Apply(new MemberUp(Member("a", 7)));
        state.Apply(new MemberUp(Member("b", 8)));
        state.Apply(new MemberRemoved(Member("b", 8), MemberStatus.Leaving));

        var map = JsonDocument.Parse(Text(state.Query())).RootElement;

        Assert.Equal(["a"], map.EnumerateObject().Select(p => p.Name));
        Assert.Equal(7, map.GetProperty("a").GetProperty("incarnation").GetInt64());
        Assert.Equal("host-a", map.GetProperty("a").GetProperty("host").GetString());
    }

    private static Member Member(string id, long incarnation)
        => new(id, "area", 42, JsonDocument.Parse($$"""{"host":"host-{{id}}","port":3000}""").RootElement, incarnation, MemberStatus.Up, IPAddress.Loopback, DateTimeOffset.UnixEpoch);

    private static JsonElement Body(ReadOnlyMemory<byte> body) => JsonDocument.Parse(body).RootElement;

    private static string Text(RawJson json) => Encoding.UTF8.GetString(json.Utf8.Span);

    private static object Array(ReadOnlyMemory<byte> memory)
        => System.Runtime.InteropServices.MemoryMarshal.TryGetArray(memory, out var segment) ? segment.Array! : throw new InvalidOperationException();
}
