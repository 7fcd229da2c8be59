using System.Text.Json;
using Pomelo.Akka.Cluster;
using Pomelo.Akka.Master;
using Pomelo.Akka.Tests.TestSupport;

namespace Pomelo.Akka.Tests.Scenarios;

public sealed class PomeloPeerProbeTests
{
    [Fact]
    public async Task PeerThatDoesNotHeartbeat_IsProbed_StaysUpWhileItAnswers_AndIsUnreachableWhenItStops()
    {
        var time = new FakeTimeProvider();
        await using var master = await TestCluster.StartMasterAsync(time: time, configure: o => o.RunOwnMonitor = false);
        await using var peer = await RawPeer.ConnectAsync(master.Port, keepAlive: 0);
        Assert.Equal(1, (await peer.RegisterAsync("""{"id":"connector-1","type":"monitor","serverType":"connector","pid":1,"info":{},"token":"tok-connector"}""")).Code);
        var answering = true;
        var probes = 0;
        using var stop = new CancellationTokenSource();
        var responder = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                JsonElement probe;
                try
                {
                    probe = await peer.ReadPublishAsync("monitor");
                }
                catch (Exception) when (stop.IsCancellationRequested)
                {
                    return;
                }

                Interlocked.Increment(ref probes);
                if (Volatile.Read(ref answering))
                {
                    // pomelo answers a request for a module it does not have with an error: still proof of life.
                    await peer.PublishJsonStringAsync("monitor", $$"""{"respId":{{probe.GetProperty("reqId").GetInt64()}},"error":"unknown moduleId:{{probe.GetProperty("moduleId").GetString()}}"}""");
                }
            }
        });

        Assert.True(((MasterAgent)master.Agent).TryGetSession("connector-1", out var session));
        for (var round = 0; round < 20; round++)
        {
            var before = Volatile.Read(ref probes);
            for (var step = 0; step < 5; step++)
            {
                time.Advance(TimeSpan.FromMilliseconds(200));
                Assert.Equal(MemberStatus.Up, master.Agent.Membership.Find("connector-1")!.Status);
            }

            await Eventually.TrueAsync(() => Volatile.Read(ref probes) > before, "a probe was sent after a second of silence");

            // The clock moves on only once the master has read the answer (under load it can land late in real time,
            // and a probe still in flight at the next second's sweep would, rightly, not be sent again).
            await Eventually.TrueAsync(() => Volatile.Read(ref session.ProbeInFlight) == 0, "the master read the answer to its probe");
        }

        Volatile.Write(ref answering, false);
        var silent = TimeSpan.Zero;
        while (master.Agent.Membership.Find("connector-1")!.Status == MemberStatus.Up)
        {
            time.Advance(TimeSpan.FromMilliseconds(200));
            silent += TimeSpan.FromMilliseconds(200);
            Assert.True(silent < TimeSpan.FromSeconds(10), "a silent pomelo peer must become unreachable");
        }

        Assert.True(probes >= 20, $"{probes} probes in 20 s");
        await stop.CancelAsync();
        await peer.DisposeAsync();
        await responder.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task ConsoleService_ReRaisesRegisterDisconnectAndReconnect()
    {
        await using var master = await TestCluster.StartMasterAsync();
        var seen = new List<string>();
        void Record(string what, Member m)
        {
            lock (seen)
            {
                seen.Add(what + ":" + m.Id);
            }
        }

        master.Service.Console.ServerRegistered += m => Record("register", m);
        master.Service.Console.ServerDisconnected += m => Record("disconnect", m);
        master.Service.Console.ServerReconnected += m => Record("reconnect", m);
        await using var monitor = await TestCluster.StartMonitorAsync(master.Port, "area-1", "area");

        await monitor.Service.AbortConnectionAsync();

        await Eventually.TrueAsync(() => { lock (seen) { return seen.Count >= 3; } }, "three console events");
        lock (seen)
        {
            Assert.Equal(["register:area-1", "disconnect:area-1", "reconnect:area-1"], seen);
        }
    }
}
