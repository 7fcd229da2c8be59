using System.Text.Json;
using Pomelo.Akka.Cluster;
using Pomelo.Akka.Modules.Watchdog;
using Pomelo.Akka.Tests.TestSupport;

namespace Pomelo.Akka.Tests.Scenarios;

public sealed class MembershipTests
{
    private const string AreaRegister = """{"id":"ID","type":"monitor","serverType":"area","pid":77,"info":{"id":"ID","serverType":"area","host":"127.0.0.1","port":3250},"token":"tok-area"}""";

    [Fact]
    public async Task ThreeServersJoin_EveryNodesMapHasAllOfThem()
    {
        await using var master = await TestCluster.StartMasterAsync();
        await using var a = await TestCluster.StartMonitorAsync(master.Port, "connector-1", "connector");
        await using var b = await TestCluster.StartMonitorAsync(master.Port, "connector-2", "connector");
        await using var c = await TestCluster.StartMonitorAsync(master.Port, "area-1", "area");
        string[] all = ["area-1", "connector-1", "connector-2", "master-server-1"];

        foreach (var node in new[] { a, b, c })
        {
            await Eventually.TrueAsync(() => node.Service.ServerMap.Servers.Select(s => s.Id).SequenceEqual(all), $"{node.Agent.ServerId}'s map has every server");
        }

        Assert.Equal(all, master.Agent.Membership.Members.Select(m => m.Id));
        Assert.All(master.Agent.Membership.Members, m => Assert.Equal(MemberStatus.Up, m.Status));
        Assert.Equal("connector", a.Service.ServerMap.Find("connector-2")!.ServerType);
    }

    [Fact]
    public async Task ABurstOfRegistrations_EveryNodesMapEndsUpComplete()
    {
        await using var master = await TestCluster.StartMasterAsync();
        var nodes = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => TestCluster.StartMonitorAsync(master.Port, "area-" + i, "area")));
        try
        {
            var all = Enumerable.Range(0, 40).Select(i => "area-" + i).Append("master-server-1").Order(StringComparer.Ordinal).ToArray();
            foreach (var node in nodes)
            {
                await Eventually.TrueAsync(() => node.Service.ServerMap.Servers.Select(s => s.Id).SequenceEqual(all), $"{node.Agent.ServerId}'s map has every server");
            }
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ServerDropsItsConnection_UnreachableAtOnce_DroppedFromTheOtherMaps_NoErrorLogged(bool reset)
    {
        var logs = new LogCollector();
        await using var master = await TestCluster.StartMasterAsync(logs: logs);
        await using var watcher = await TestCluster.StartMonitorAsync(master.Port, "connector-1", "connector");
        var peer = await RawPeer.ConnectAsync(master.Port, keepAlive: 1);
        Assert.Equal(1, (await peer.RegisterAsync(AreaRegister.Replace("ID", "area-1"))).Code);
        await Eventually.TrueAsync(() => watcher.Service.ServerMap.Find("area-1") is not null, "the watcher learns of area-1");

        // A close sends FIN; a reset (linger 0: a peer gone hard, or one that died with unread bytes) sends RST.
        await (reset ? peer.ResetAsync() : peer.DisposeAsync());

        await Eventually.TrueAsync(() => master.Agent.Membership.Find("area-1")?.Status == MemberStatus.Unreachable, "area-1 is Unreachable");
        await Eventually.TrueAsync(() => watcher.Service.ServerMap.Find("area-1") is null, "the watcher dropped area-1");
        Assert.DoesNotContain(master.Agent.Servers, s => s.Id == "area-1");
        Assert.True(!reset || logs.Has(1108), "a reset is logged as one");
        Assert.DoesNotContain(logs.Entries, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
    }

    [Fact]
    public async Task ServerReconnectsWithinTheMargin_GetsTheFullMap_OthersGetAddServer_SameIdNewIncarnation()
    {
        await using var master = await TestCluster.StartMasterAsync();
        await using var other = await TestCluster.StartMonitorAsync(master.Port, "connector-1", "connector");
        await using var blinking = await TestCluster.StartMonitorAsync(master.Port, "area-1", "area");
        await Eventually.TrueAsync(() => other.Service.ServerMap.Find("area-1") is not null, "connector-1 knows area-1");
        var before = master.Agent.Membership.Find("area-1")!.Incarnation;
        var reachable = new TaskCompletionSource<MemberReachable>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = master.Agent.Membership.Subscribe<MemberReachable>(e => reachable.TrySetResult(e), initialStateAsEvents: false);
        var otherChanges = new List<ServerMapChange>();
        other.Service.ServerMap.Changed += c => { lock (otherChanges) { otherChanges.Add(c); } };
        var replaced = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        blinking.Service.ServerMap.Changed += c =>
        {
            if (c.Kind == ServerMapChangeKind.Replaced)
            {
                replaced.TrySetResult();
            }
        };

        await blinking.Service.AbortConnectionAsync();

        var back = await reachable.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(back.Reconnected);
        Assert.Equal("area-1", back.Member.Id);
        Assert.True(back.Member.Incarnation > before);
        await replaced.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Eventually.TrueAsync(() => other.Service.ServerMap.Find("area-1")?.Incarnation == back.Member.Incarnation, "connector-1 has the new incarnation");
        lock (otherChanges)
        {
            Assert.Contains(otherChanges, c => c.Kind == ServerMapChangeKind.Removed && c.Id == "area-1");
            Assert.Contains(otherChanges, c => c.Kind == ServerMapChangeKind.Added && c.Id == "area-1");
        }

        // Its subscribe reply is the master's cached map, which may lag (WatchdogState.MaxSnapshotLag); the changes
        // after it, or the replaceServer, follow in the next batch.
        await Eventually.TrueAsync(() => blinking.Service.ServerMap.Find("connector-1") is not null, "area-1 knows connector-1 again");
    }

    [Fact]
    public async Task ServerStaysAwayPastTheMargin_IsRemoved()
    {
        await using var master = await TestCluster.StartMasterAsync(membership: o => o.RemovalMargin = TimeSpan.FromMilliseconds(500));
        var removed = new TaskCompletionSource<MemberRemoved>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = master.Agent.Membership.Subscribe<MemberRemoved>(e => removed.TrySetResult(e), initialStateAsEvents: false);
        var peer = await RawPeer.ConnectAsync(master.Port, keepAlive: 1);
        Assert.Equal(1, (await peer.RegisterAsync(AreaRegister.Replace("ID", "area-1"))).Code);

        await peer.DisposeAsync();

        var gone = await removed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(("area-1", MemberStatus.Unreachable), (gone.Member.Id, gone.PreviousStatus));
        Assert.Null(master.Agent.Membership.Find("area-1"));
    }

    [Fact]
    public async Task HungServerWithAnOpenSilentSocket_IsUnreachableAfterAboutFiveSecondsOfFakeTime_NeverBeforeThree()
    {
        var time = new FakeTimeProvider();
        await using var master = await TestCluster.StartMasterAsync(time: time, configure: o => o.RunOwnMonitor = false);
        await using var peer = await RawPeer.ConnectAsync(master.Port, keepAlive: 1);
        Assert.Equal(1, (await peer.RegisterAsync(AreaRegister.Replace("ID", "area-1"))).Code);

        for (var i = 0; i < 29; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(100));
        }

        Assert.Equal(MemberStatus.Up, master.Agent.Membership.Find("area-1")!.Status);
        var silent = TimeSpan.FromMilliseconds(2900);
        while (master.Agent.Membership.Find("area-1")!.Status == MemberStatus.Up)
        {
            time.Advance(TimeSpan.FromMilliseconds(100));
            silent += TimeSpan.FromMilliseconds(100);
            Assert.True(silent <= TimeSpan.FromSeconds(6), "a hung server must be unreachable within 6 s");
        }

        Assert.InRange(silent.TotalSeconds, 3.0, 6.0);
        await peer.SendAsync(Pomelo.Akka.Protocol.Mqtt.PingReqPacket.Instance);
        await Eventually.TrueAsync(
            () =>
            {
                time.Advance(TimeSpan.FromMilliseconds(100));
                return master.Agent.Membership.Find("area-1")?.Status == MemberStatus.Up;
            },
            "the server is Reachable again once it speaks");
    }

    [Fact]
    public async Task StaleRemoveArrivingAfterTheNewIncarnationsAdd_KeepsTheNewIncarnation()
    {
        await using var master = await TestCluster.StartMasterAsync();
        await using var monitor = await TestCluster.StartMonitorAsync(master.Port, "connector-1", "connector");

        await master.Agent.NotifyByIdAsync("connector-1", MonitorWatcher.Id, new { action = "addServer", server = new { id = "area-9", serverType = "area", incarnation = 200 } });
        await master.Agent.NotifyByIdAsync("connector-1", MonitorWatcher.Id, new { action = "removeServer", id = "area-9", incarnation = 100 });
        await master.Agent.NotifyByIdAsync("connector-1", MonitorWatcher.Id, new { action = "addServer", server = new { id = "marker", serverType = "area", incarnation = 1 } });

        await Eventually.TrueAsync(() => monitor.Service.ServerMap.Find("marker") is not null, "every notify was applied in order");
        Assert.Equal(200, monitor.Service.ServerMap.Find("area-9")!.Incarnation);
    }

    [Fact]
    public async Task MasterRestarts_EveryMonitorReconnectsReregistersAndTheMapsConverge()
    {
        var port = TestCluster.FreePort();
        var master = await TestCluster.StartMasterAsync(configure: o => o.Port = port);
        await using var a = await TestCluster.StartMonitorAsync(port, "connector-1", "connector");
        await using var b = await TestCluster.StartMonitorAsync(port, "area-1", "area");
        await Eventually.TrueAsync(() => a.Service.ServerMap.Servers.Count == 3, "initial maps");

        await master.DisposeAsync();
        await using var restarted = await TestCluster.StartMasterAsync(configure: o => { o.Port = port; o.Id = "master-server-2"; });

        string[] all = ["area-1", "connector-1", "master-server-2"];
        await Eventually.TrueAsync(() => restarted.Agent.Membership.Members.Select(m => m.Id).SequenceEqual(all), "every monitor re-registered");
        foreach (var node in new[] { a, b })
        {
            await Eventually.TrueAsync(() => node.Service.ServerMap.Servers.Select(s => s.Id).SequenceEqual(all), $"{node.Agent.ServerId}'s map converged");
        }

        Assert.True(a.Service.Registrations >= 2 && b.Service.Registrations >= 2);
    }

    [Fact]
    public async Task RequestPendingDuringADrop_IsResentOnce_AndCompletedExactlyOnce()
    {
        var logs = new LogCollector();
        await using var master = await TestCluster.StartMasterAsync(logs: logs);
        var first = await RawPeer.ConnectAsync(master.Port, keepAlive: 1);
        Assert.Equal(1, (await first.RegisterAsync(AreaRegister.Replace("ID", "area-1"))).Code);
        var completions = 0;
        var request = master.Agent.RequestAsync("area-1", "status", new { q = 1 }).ContinueWith(t =>
        {
            Interlocked.Increment(ref completions);
            return t;
        }).Unwrap();
        var original = await first.ReadPublishAsync("monitor");
        await first.DisposeAsync();
        await Eventually.TrueAsync(() => master.Agent.Membership.Find("area-1")?.Status == MemberStatus.Unreachable, "area-1 dropped");
        Assert.False(request.IsCompleted);

        await using var second = await RawPeer.ConnectAsync(master.Port, keepAlive: 1);
        Assert.Equal(1, (await second.RegisterAsync(AreaRegister.Replace("ID", "area-1"))).Code);
        var resent = await ReadUntilRequestAsync(second);
        await second.PublishAsync("monitor", $$$"""{"respId":{{{resent.GetProperty("reqId").GetInt64()}}},"error":null,"body":"done"}""");

        Assert.Equal("done", (await request.WaitAsync(TimeSpan.FromSeconds(10)))!.Value.GetString());
        Assert.Equal(original.GetProperty("reqId").GetInt64(), resent.GetProperty("reqId").GetInt64());
        Assert.Equal(1, resent.GetProperty("body").GetProperty("q").GetInt32());
        await second.PublishAsync("monitor", $$$"""{"respId":{{{resent.GetProperty("reqId").GetInt64()}}},"error":null,"body":"again"}""");
        // The duplicate is read and dropped as a reply to nothing pending (not waited for through the pending count: the
        // watchdog's replaceServer to the returning server, which this raw peer never answers, stays pending 10 s).
        await Eventually.TrueAsync(() => logs.Has(1200), "the duplicate reply is dropped");
        Assert.DoesNotContain(((Pomelo.Akka.Master.MasterAgent)master.Agent).Pending.PendingFor("area-1"), p => p.ModuleId == "status");
        Assert.Equal(1, completions);
    }

    [Fact]
    public async Task MonitorStartedTwentySecondsBeforeTheMaster_JoinsWhenItAppears()
    {
        var monitorTime = new FakeTimeProvider();

        // Held until the master starts: a port merely picked free could be taken meanwhile by another test's master,
        // which this monitor would then join (its first attempt never failing).
        using var reserved = new ReservedPort();
        var port = reserved.Port;
        var failures = 0;
        await using var monitor = await TestCluster.StartMonitorAsync(
            port, "area-1", "area", time: monitorTime, waitForRegistration: false,
            configure: o => { o.ReconnectDelay = TimeSpan.FromSeconds(1); o.ReconnectDelayMax = TimeSpan.FromSeconds(4); });
        monitor.Service.ConnectFailed += _ => Interlocked.Increment(ref failures);
        // The clock moves 100 ms at a time until the next attempt has failed: the back-off timer may be armed after
        // the failure is reported, and other timers of the monitor keep the active-timer count above zero anyway.
        var elapsed = TimeSpan.Zero;
        var step = TimeSpan.FromMilliseconds(100);
        await Eventually.TrueAsync(() => Volatile.Read(ref failures) > 0, "the first attempt failed");
        while (elapsed < TimeSpan.FromSeconds(20))
        {
            var seen = Volatile.Read(ref failures);
            await Eventually.TrueAsync(
                () =>
                {
                    if (Volatile.Read(ref failures) > seen || elapsed >= TimeSpan.FromSeconds(20))
                    {
                        return true;
                    }

                    monitorTime.Advance(step);
                    elapsed += step;
                    return false;
                },
                "the next attempt failed after its back-off");
        }

        Assert.True(failures >= 5, $"only {failures} attempts in 20 s");
        Assert.False(monitor.Start.IsCompleted);

        reserved.Dispose();
        await using var master = await TestCluster.StartMasterAsync(configure: o => o.Port = port);

        // The monitor's clock moves only while it has no connection (its back-off), and slowly: 1 s of its time per
        // 20 polls. Its connect, register and subscribe time out on this clock too; moved 1 s per poll (every 10 ms),
        // an attempt had 50 ms of real time for all three, which a loaded machine running the whole suite missed.
        var polls = 0;
        await Eventually.TrueAsync(
            () =>
            {
                if (monitor.Start.IsCompleted)
                {
                    return true;
                }

                if (!monitor.Service.IsConnected && ++polls % 20 == 0)
                {
                    monitorTime.Advance(TimeSpan.FromSeconds(1));
                }

                return false;
            },
            "the monitor joins the master that appeared",
            TimeSpan.FromSeconds(30));
        Assert.Contains(master.Agent.Servers, s => s.Id == "area-1");
    }

    [Fact]
    public async Task StartOver_IsBroadcastOnceWhenEveryExpectedServerHasStarted()
    {
        await using var master = await TestCluster.StartMasterAsync(membership: o => o.ExpectedServers = ["connector-1", "area-1"]);
        await using var a = await TestCluster.StartMonitorAsync(master.Port, "connector-1", "connector");
        var startOvers = 0;
        a.Service.ServerMap.StartOver += () => Interlocked.Increment(ref startOvers);
        Assert.False(a.Service.ServerMap.StartedOver);

        await using var b = await TestCluster.StartMonitorAsync(master.Port, "area-1", "area");

        await Eventually.TrueAsync(() => a.Service.ServerMap.StartedOver && b.Service.ServerMap.StartedOver, "both servers got startOver");
        await b.Service.AbortConnectionAsync();
        await Eventually.TrueAsync(() => b.Service.Registrations >= 2, "area-1 re-registered");
        Assert.Equal(1, startOvers);
    }

    [Fact]
    public async Task CleanStop_IsRemovedWithoutEverBeingUnreachable()
    {
        await using var master = await TestCluster.StartMasterAsync();
        var events = new List<MemberEvent>();
        using var subscription = master.Agent.Membership.Subscribe(e => { lock (events) { events.Add(e); } }, initialStateAsEvents: false);
        var monitor = await TestCluster.StartMonitorAsync(master.Port, "area-1", "area");

        await monitor.DisposeAsync();

        await Eventually.TrueAsync(() => { lock (events) { return events.Any(e => e is MemberRemoved); } }, "area-1 removed");
        lock (events)
        {
            Assert.DoesNotContain(events, e => e is MemberUnreachable);
            Assert.Equal(MemberStatus.Leaving, events.OfType<MemberRemoved>().Single().PreviousStatus);
        }
    }

    private static async Task<JsonElement> ReadUntilRequestAsync(RawPeer peer)
    {
        while (true)
        {
            var message = await peer.ReadPublishAsync("monitor");
            if (message.TryGetProperty("reqId", out _) && message.GetProperty("moduleId").GetString() == "status")
            {
                return message;
            }
        }
    }
}
