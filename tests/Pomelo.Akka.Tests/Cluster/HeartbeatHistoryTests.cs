using Pomelo.Akka.Cluster;

namespace Pomelo.Akka.Tests.Cluster;

public sealed class HeartbeatHistoryTests
{
    [Fact]
    public void Add_BeyondMaxSampleSize_DropsOldestAndKeepsSumsRunning()
    {
        var history = HeartbeatHistory.Empty(3).Add(10).Add(20).Add(30).Add(40).Add(50);

        Assert.Equal([30.0, 40.0, 50.0], history.Intervals);
        Assert.Equal(3, history.Count);
        Assert.Equal(120.0, history.IntervalSum);
        Assert.Equal((30.0 * 30) + (40 * 40) + (50 * 50), history.SquaredIntervalSum);
        Assert.Equal(40.0, history.Mean, 9);
        Assert.Equal(Math.Sqrt(200.0 / 3), history.StdDeviation, 9);
    }

    [Fact]
    public void Add_ToSharedHistory_LeavesOriginalUnchanged()
    {
        var original = HeartbeatHistory.Empty(2).Add(1).Add(2);

        var first = original.Add(3);
        var second = original.Add(4);

        Assert.Equal([1.0, 2.0], original.Intervals);
        Assert.Equal([2.0, 3.0], first.Intervals);
        Assert.Equal([2.0, 4.0], second.Intervals);
    }

    [Fact]
    public void Empty_NonPositiveSize_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => HeartbeatHistory.Empty(0));
    }
}
