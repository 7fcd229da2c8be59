using System.Collections.Concurrent;
using System.Text.Json;
using Pomelo.Akka.Errors;
using Pomelo.Akka.Tests.Scenarios.Modules;
using Pomelo.Akka.Tests.TestSupport;

namespace Pomelo.Akka.Tests.Scenarios;

public sealed class RequestRoutingTests
{
    [Fact]
    public async Task RequestReachesTheRightOfTwoMonitors_AndTheReplyComesBack()
    {
        await using var master = await TestCluster.StartMasterAsync(b => b.AddAdminModule<EchoModule>());
        await using var one = await TestCluster.StartMonitorAsync(master.Port, "connector-1", "connector", b => b.AddAdminModule<EchoModule>());
        await using var two = await TestCluster.StartMonitorAsync(master.Port, "connector-2", "connector", b => b.AddAdminModule<EchoModule>());

        var toTwo = await master.Agent.RequestAsync("connector-2", EchoModule.Id, new { n = 2 });
        var toOne = await master.Agent.RequestAsync("connector-1", EchoModule.Id, new { n = 1 });

        Assert.Equal("connector-2", toTwo!.Value.GetProperty("serverId").GetString());
        Assert.Equal(2, toTwo.Value.GetProperty("received").GetProperty("n").GetInt32());
        Assert.Equal("connector-1", toOne!.Value.GetProperty("serverId").GetString());
        Assert.Equal(1, toOne.Value.GetProperty("received").GetProperty("n").GetInt32());
    }

    [Fact]
    public async Task HandlerException_ReachesTheRequesterAsAnErrorWithItsMessage()
    {
        await using var master = await TestCluster.StartMasterAsync(b => b.AddAdminModule<ThrowingModule>());
        await using var monitor = await TestCluster.StartMonitorAsync(master.Port, "area-1", "area", b => b.AddAdminModule<ThrowingModule>());
        await using var client = await TestCluster.ConnectClientAsync(master.Port);

        var fromMonitor = await Assert.ThrowsAsync<AdminRemoteException>(() => master.Agent.RequestAsync("area-1", ThrowingModule.Id, null));
        var fromClient = await Assert.ThrowsAsync<AdminRemoteException>(() => client.RequestAsync(ThrowingModule.Id, new { }));
        var fromMaster = await Assert.ThrowsAsync<AdminRemoteException>(() => monitor.Agent.RequestAsync(ThrowingModule.Id, new { }));

        Assert.Equal("boom in monitor area-1", fromMonitor.Message);
        Assert.Equal("boom in client handler", fromClient.Message);
        Assert.Equal("boom in master", fromMaster.Message);
    }

    [Fact]
    public async Task RequestToUnknownServer_FailsOnceAndNothingStaysPending()
    {
        await using var master = await TestCluster.StartMasterAsync();

        var request = master.Agent.RequestAsync("nobody-1", EchoModule.Id, null);

        var error = await Assert.ThrowsAsync<UnknownServerException>(() => request);
        Assert.Equal("unknown server id:nobody-1", error.Message);
        await using var late = await TestCluster.StartMonitorAsync(master.Port, "nobody-1", "connector", b => b.AddAdminModule<EchoModule>());
        var agent = (Pomelo.Akka.Master.MasterAgent)master.Agent;
        Assert.Equal(0, agent.Pending.Count);
        Assert.True(request.IsFaulted);
    }

    [Fact]
    public async Task ClientRequestForwardedByTheMaster_ReturnsTheServersReply()
    {
        await using var master = await TestCluster.StartMasterAsync(b => b.AddAdminModule<EchoModule>());
        await using var monitor = await TestCluster.StartMonitorAsync(master.Port, "area-1", "area", b => b.AddAdminModule<EchoModule>());
        await using var client = await TestCluster.ConnectClientAsync(master.Port, "viewer", "viewer");

        var direct = await client.RequestAsync(EchoModule.Id, new { x = 1 });
        var forwarded = await client.RequestAsync(EchoModule.Id, new { serverId = "area-1", payload = "hi" });

        Assert.Equal("viewer", direct!.Value.GetProperty("username").GetString());
        Assert.Equal(3, direct.Value.GetProperty("level").GetInt32());
        Assert.Equal("area-1", forwarded!.Value.GetProperty("serverId").GetString());
        Assert.Equal("hi", forwarded.Value.GetProperty("received").GetString());
    }

    [Fact]
    public async Task ThousandConcurrentRequestsAcrossTenMonitors_AllCompleteExactlyOnce()
    {
        await using var master = await TestCluster.StartMasterAsync();
        var monitors = new List<MonitorNode>();
        try
        {
            for (var i = 0; i < 10; i++)
            {
                monitors.Add(await TestCluster.StartMonitorAsync(master.Port, $"connector-{i}", "connector", b => b.AddAdminModule<EchoModule>()));
            }

            var completions = new ConcurrentDictionary<int, int>();
            var requests = Enumerable.Range(0, 1000).Select(async n =>
            {
                var reply = await master.Agent.RequestAsync($"connector-{n % 10}", EchoModule.Id, new { n });
                completions.AddOrUpdate(n, 1, (_, c) => c + 1);
                return reply!.Value;
            }).ToList();

            var replies = await Task.WhenAll(requests).WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal(1000, completions.Count);
            Assert.All(completions.Values, c => Assert.Equal(1, c));
            for (var n = 0; n < 1000; n++)
            {
                Assert.Equal(n, replies[n].GetProperty("received").GetProperty("n").GetInt32());
                Assert.Equal($"connector-{n % 10}", replies[n].GetProperty("serverId").GetString());
            }

            Assert.Equal(0, ((Pomelo.Akka.Master.MasterAgent)master.Agent).Pending.Count);
        }
        finally
        {
            foreach (var monitor in monitors)
            {
                await monitor.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task RequestWithoutReply_TimesOutOnTheFakeClock_AndALateReplyIsIgnored()
    {
        var time = new FakeTimeProvider();
        var gate = new TaskCompletionSource();
        await using var master = await TestCluster.StartMasterAsync(time: time, configure: o => o.RequestTimeout = TimeSpan.FromSeconds(3));
        await using var monitor = await TestCluster.StartMonitorAsync(master.Port, "area-1", "area", b => b.AddAdminModule("slow", _ => new SlowModule(gate.Task)));

        var request = master.Agent.RequestAsync("area-1", "slow", null);
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.False(request.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<AdminRequestTimeoutException>(() => request);
        Assert.Equal("area-1", error.Target);
        gate.SetResult();
        var next = await master.Agent.RequestAsync("area-1", "slow", null);
        Assert.Equal("done", next!.Value.GetString());
    }

    private sealed class SlowModule(Task gate) : Pomelo.Akka.Console.IMonitorHandler
    {
        public async ValueTask<object?> MonitorHandlerAsync(Pomelo.Akka.Monitor.IMonitorAgent agent, JsonElement? message, CancellationToken cancellationToken)
        {
            await gate;
            return "done";
        }
    }
}
