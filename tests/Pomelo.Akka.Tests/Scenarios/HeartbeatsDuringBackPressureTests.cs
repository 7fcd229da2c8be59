using Pomelo.Akka.Protocol.Mqtt;
using Pomelo.Akka.Tests.TestSupport;

namespace Pomelo.Akka.Tests.Scenarios;

/// <summary>
/// A monitor that reads slowly while the master has megabytes queued for it is still alive: its heartbeats must keep
/// being read (the master answers PINGREQ without waiting for its output to drain), or the failure detector would take
/// it for dead.
/// </summary>
public sealed class HeartbeatsDuringBackPressureTests
{
    [Fact]
    public async Task MasterOutputBackedUp_PeersHeartbeatsAreStillRead()
    {
        await using var master = await TestCluster.StartMasterAsync();
        // A fixed 64 KB receive buffer: the kernel may otherwise grow it to tens of MB and take in the whole backlog.
        await using var peer = await RawPeer.ConnectAsync(master.Port, keepAlive: 1, receiveBufferSize: 64 * 1024);
        Assert.Equal(1, (await peer.RegisterAsync("""{"id":"slow-1","type":"monitor","serverType":"connector","pid":1,"info":{},"token":"tok-connector"}""")).Code);

        // 16 MB for a peer that reads nothing: more than the socket buffers hold, so the master's output backs up.
        var big = new { pad = new string('a', 512 * 1024) };
        var notifies = Enumerable.Range(0, 32).Select(_ => master.Agent.NotifyByIdAsync("slow-1", "sink", big).AsTask()).ToList();

        var before = master.Agent.Membership.HistoryOf("slow-1")!.Count;
        for (var i = 0; i < 4; i++)
        {
            await peer.SendAsync(PingReqPacket.Instance);
        }

        await Eventually.TrueAsync(() => master.Agent.Membership.HistoryOf("slow-1")!.Count >= before + 4, "every PINGREQ is read as a heartbeat");

        // The output is still backed up: a write now waits for the flush that waits on the peer. (The big notifies' own
        // tasks cannot show it: frames staged behind a large one complete with its last piece, and when another writer
        // — the PINGRESPs — is queued at that moment, that writer takes over the flush and they complete at once.)
        var probe = master.Agent.NotifyByIdAsync("slow-1", "sink", new { probe = 1 }).AsTask();
        Assert.False(probe.IsCompleted, "a write to slow-1 completed while its output should be backed up: " + string.Join(",", notifies.Select(t => t.IsCompleted ? t.Result.ToString() : "pending")));
    }
}
