using Pomelo.Akka.Console;
using Pomelo.Akka.Tests.Scenarios.Modules;
using Pomelo.Akka.Tests.TestSupport;

namespace Pomelo.Akka.Tests.Scenarios;

public sealed class ScheduleTests
{
    [Fact]
    public async Task PullIntervalOneSecond_TicksTheMasterHandlerOncePerSecondWithNoMessage()
    {
        var time = new FakeTimeProvider();
        var recorder = new ProbeRecorder();
        await using var master = await TestCluster.StartMasterAsync(
            ProbeRecorder.Register(recorder, o => { o.Type = ScheduleType.Pull; o.Interval = TimeSpan.FromSeconds(1); }),
            configure: o => o.RunOwnMonitor = false,
            time: time);

        var ticks = new List<ProbeCall> { await recorder.NextAsync() };
        for (var second = 1; second <= 3; second++)
        {
            time.Advance(TimeSpan.FromMilliseconds(999));
            await recorder.AssertQuietAsync(TimeSpan.FromMilliseconds(100));
            time.Advance(TimeSpan.FromMilliseconds(1));
            ticks.Add(await recorder.NextAsync());
        }

        Assert.Equal(4, ticks.Count);
        Assert.All(ticks, t => Assert.Equal(("master", (System.Text.Json.JsonElement?)null), (t.Handler, t.Message)));
    }

    [Fact]
    public async Task PushIntervalOneSecond_TicksTheMonitorHandlerOncePerSecond_AndNeverOnTheMaster()
    {
        var time = new FakeTimeProvider();
        var recorder = new ProbeRecorder();
        Action<AdminModuleOptions> push = o => { o.Type = ScheduleType.Push; o.Interval = TimeSpan.FromSeconds(1); o.Delay = TimeSpan.FromSeconds(2); };
        await using var master = await TestCluster.StartMasterAsync(ProbeRecorder.Register(recorder, push), configure: o => o.RunOwnMonitor = false, time: time);
        await using var monitor = await TestCluster.StartMonitorAsync(master.Port, "area-1", "area", ProbeRecorder.Register(recorder, push), time: time);

        time.Advance(TimeSpan.FromSeconds(1));
        await recorder.AssertQuietAsync(TimeSpan.FromMilliseconds(100));
        time.Advance(TimeSpan.FromSeconds(1));
        var first = await recorder.NextAsync();
        time.Advance(TimeSpan.FromSeconds(1));
        var second = await recorder.NextAsync();

        Assert.Equal(("area-1", "monitor"), (first.Node, first.Handler));
        Assert.Null(first.Message);
        Assert.Equal(("area-1", "monitor"), (second.Node, second.Handler));
        await recorder.AssertQuietAsync(TimeSpan.FromMilliseconds(100));
    }
}
