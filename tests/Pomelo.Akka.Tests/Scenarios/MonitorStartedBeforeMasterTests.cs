using Pomelo.Akka.Tests.TestSupport;

namespace Pomelo.Akka.Tests.Scenarios;

public sealed class MonitorStartedBeforeMasterTests
{
    [Fact]
    public async Task MonitorToUnreachableMaster_RetriesSurfacesTheErrorAndJoinsWhenTheMasterAppears()
    {
        // Held until the master starts, so no other test's master can take the port while nobody should be there.
        using var reserved = new ReservedPort();
        var port = reserved.Port;
        var failures = 0;
        var twoFailures = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var monitor = await TestCluster.StartMonitorAsync(port, "connector-1", "connector", waitForRegistration: false);
        monitor.Service.ConnectFailed += _ =>
        {
            if (Interlocked.Increment(ref failures) >= 2)
            {
                twoFailures.TrySetResult();
            }
        };

        await twoFailures.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(monitor.Start.IsCompleted, "start must not complete (nor fail) while the master is away");
        Assert.NotNull(monitor.Service.LastError);
        Assert.False(monitor.Service.IsConnected);

        reserved.Dispose();
        await using var master = await TestCluster.StartMasterAsync(configure: o => o.Port = port);

        await monitor.Start.WaitAsync(TimeSpan.FromSeconds(10));
        await Eventually.TrueAsync(() => master.Agent.Servers.Any(s => s.Id == "connector-1"), "the monitor is registered");
    }

    [Fact]
    public async Task MasterRestarts_MonitorReconnectsAndRegistersAgain()
    {
        var port = TestCluster.FreePort();
        var master = await TestCluster.StartMasterAsync(configure: o => o.Port = port);
        await using var monitor = await TestCluster.StartMonitorAsync(port, "connector-1", "connector");
        var second = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        monitor.Service.Registered += n =>
        {
            if (n == 2)
            {
                second.TrySetResult();
            }
        };

        await master.DisposeAsync();
        await Eventually.TrueAsync(() => !monitor.Service.IsConnected, "the monitor notices the master is gone");
        await using var restarted = await TestCluster.StartMasterAsync(configure: o => o.Port = port);

        await second.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Eventually.TrueAsync(() => restarted.Agent.Servers.Any(s => s.Id == "connector-1"), "the new master lists the monitor");
        var reply = await restarted.Agent.RequestAsync("connector-1", Modules.EchoModule.Id, null).ContinueWith(t => t.Exception?.InnerException?.Message);
        Assert.Equal("unknown moduleId:echo", reply);
    }
}
