using Pomelo.Akka.Cluster;
using Pomelo.Akka.Tests.TestSupport;

namespace Pomelo.Akka.Tests.Scenarios;

/// <summary>
/// A server too busy taking in what the master sends to get its heartbeats out (a large map in a registration storm,
/// its process short of CPU) is alive: the master counts each of its writes that waited on the server and went through.
/// </summary>
public sealed class BusyReaderLivenessTests
{
    private const string AreaRegister = """{"id":"ID","type":"monitor","serverType":"area","pid":77,"info":{"id":"ID","serverType":"area","host":"127.0.0.1","port":3250},"token":"tok-area"}""";

    [Fact]
    public async Task ServerTooBusyReadingToHeartbeat_StaysUpWhileItTakesInWhatIsSent_UnreachableOnceItStops()
    {
        var time = new FakeTimeProvider();
        await using var master = await TestCluster.StartMasterAsync(time: time, configure: o => o.RunOwnMonitor = false);
        // A fixed 64 KB receive buffer, so "the socket buffers are full" comes soon once it stops reading.
        await using var peer = await RawPeer.ConnectAsync(master.Port, keepAlive: 1, receiveBufferSize: 64 * 1024);
        Assert.Equal(1, (await peer.RegisterAsync(AreaRegister.Replace("ID", "area-1"))).Code);
        for (var i = 0; i < 3; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await peer.SendAsync(Pomelo.Akka.Protocol.Mqtt.PingReqPacket.Instance);
            await Eventually.TrueAsync(() => master.Agent.Membership.SilenceOf("area-1") == TimeSpan.Zero, "the heartbeat is seen");
        }

        // The master streams more than the socket holds; the peer never heartbeats again, it only reads, slowly.
        using var flood = new CancellationTokenSource();
        var body = new string('x', 64 * 1024);
        var sent = 0;
        var sending = Task.Run(async () =>
        {
            while (!flood.IsCancellationRequested && await master.Agent.NotifyByIdAsync("area-1", "flood", body, flood.Token))
            {
                Interlocked.Increment(ref sent);
            }
        });

        for (var step = 0; step < 100; step++)
        {
            time.Advance(TimeSpan.FromMilliseconds(100));
            Assert.Equal(MemberStatus.Up, master.Agent.Membership.Find("area-1")!.Status);
            var deadline = DateTime.UtcNow + Wait.Timeout;
            while (master.Agent.Membership.SilenceOf("area-1") != TimeSpan.Zero)
            {
                Assert.True(DateTime.UtcNow < deadline, "the master sees the peer take in what it sent");
                await peer.DrainAsync(64 * 1024);
            }
        }

        Assert.Equal(MemberStatus.Up, master.Agent.Membership.Find("area-1")!.Status);

        // It stops reading: once the socket buffers are full (milliseconds), nothing drains and the silence runs out.
        // The flood stalls first: a flush that completes (and counts as a sign of life) precedes the next notify.
        for (var last = -1; Volatile.Read(ref sent) != last;)
        {
            last = Volatile.Read(ref sent);
            await Task.Delay(TimeSpan.FromMilliseconds(300));
        }

        var silent = TimeSpan.Zero;
        while (master.Agent.Membership.Find("area-1")!.Status == MemberStatus.Up)
        {
            time.Advance(TimeSpan.FromMilliseconds(100));
            silent += TimeSpan.FromMilliseconds(100);
            Assert.True(silent <= TimeSpan.FromSeconds(8), "a server that stopped reading must be unreachable within 8 s");
        }

        Assert.InRange(silent.TotalSeconds, 3.0, 8.0);
        await flood.CancelAsync();
        try
        {
            await sending.WaitAsync(Wait.Timeout);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
