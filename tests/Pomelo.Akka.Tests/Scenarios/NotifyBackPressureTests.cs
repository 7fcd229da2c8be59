using System.Text.Json;
using Pomelo.Akka.Cluster;
using Pomelo.Akka.Console;
using Pomelo.Akka.Master;
using Pomelo.Akka.Tests.TestSupport;

namespace Pomelo.Akka.Tests.Scenarios;

/// <summary>A monitor floods a slow master module with notifies: the master's read loop waits, TCP slows the monitor, nothing is lost.</summary>
public sealed class NotifyBackPressureTests
{
    private const string ModuleId = "slowCounter";

    [Fact]
    public async Task MonitorFloodsSlowMasterModule_EveryNotifyArrivesInOrder_AndTheMonitorStaysUp()
    {
        var module = new SlowCountingModule();
        var logs = new LogCollector();
        await using var master = await TestCluster.StartMasterAsync(b => b.AddAdminModule(module, ModuleId, o => o.MailboxCapacity = 4), o => o.RunOwnMonitor = false, logs: logs);
        await using var monitor = await TestCluster.StartMonitorAsync(master.Port, "area-1", "area");

        const int Count = 3_000;
        for (var i = 0; i < Count; i++)
        {
            Assert.True(await monitor.Agent.NotifyAsync(ModuleId, new { seq = i }));
        }

        await Eventually.TrueAsync(() => module.Count == Count, $"all {Count} notifies handled (got {module.Count})");
        Assert.True(module.InOrder);
        Assert.DoesNotContain(logs.Entries, e => e.EventId.Id == 3101);
        Assert.Equal(MemberStatus.Up, master.Agent.Servers.Single(s => s.Id == "area-1").Status);
    }

    private sealed class SlowCountingModule : IMasterHandler
    {
        private int _count;
        private int _next;

        public int Count => Volatile.Read(ref _count);

        public bool InOrder { get; private set; } = true;

        public async ValueTask<object?> MasterHandlerAsync(IMasterAgent agent, JsonElement? message, CancellationToken cancellationToken)
        {
            var seq = message!.Value.GetProperty("seq").GetInt32();
            InOrder &= seq == _next++;
            if (seq % 16 == 0)
            {
                await Task.Delay(1, cancellationToken);
            }

            Interlocked.Increment(ref _count);
            return null;
        }
    }
}
