using Pomelo.Akka.Tests.TestSupport;

namespace Pomelo.Akka.Tests.Scenarios;

/// <summary>A real master gives memory back once a registration storm is over (src/Pomelo.Akka/Master/MemoryTrim).</summary>
public sealed class MemoryTrimScenarioTests
{
    [Fact]
    public async Task RegistrationsThenQuiet_TrimOnce_AndTheClusterCarriesOn()
    {
        var logs = new LogCollector();

        // Four joins make a storm here: the master's own monitor and three servers. The allocation limit is lifted:
        // the test process allocates for every test running beside this one.
        await using var master = await TestCluster.StartMasterAsync(
            configure: o =>
            {
                o.MemoryTrim.Joins = 4;
                o.MemoryTrim.Quiet = TimeSpan.FromMilliseconds(300);
                o.MemoryTrim.MaxAllocationPerSecond = long.MaxValue;
            },
            logs: logs);
        await using var a = await TestCluster.StartMonitorAsync(master.Port, "connector-1", "connector");
        await using var b = await TestCluster.StartMonitorAsync(master.Port, "connector-2", "connector");
        Assert.False(logs.Has(1060), "trimmed before the storm was over");
        await using var c = await TestCluster.StartMonitorAsync(master.Port, "area-1", "area");

        await Eventually.TrueAsync(() => logs.Has(1060), "the master trims after the last join");
        Assert.Contains(logs.Entries, e => e.EventId.Id == 1060 && e.Message.Contains("after 4 joins", StringComparison.Ordinal));

        // The master goes on serving after its full collection, and one more join is no new storm.
        await using var d = await TestCluster.StartMonitorAsync(master.Port, "area-2", "area");
        Assert.Equal(5, master.Agent.Membership.Members.Count);
        Assert.Single(logs.Entries, e => e.EventId.Id == 1060);
    }
}
