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
    public void Add_ManyTimesAroundTheRing_MatchesAWindowOfTheLastSamples()
    {
        const int Size = 100;
        var history = HeartbeatHistory.Empty(Size);
        var all = new List<double>();
        var random = new Random(7);

        for (var i = 0; i < 2_537; i++)
        {
            var interval = 500 + random.Next(0, 1000) + (random.Next(0, 4) * 0.25);
            all.Add(interval);
            history.Add(interval);

            var window = all.Skip(Math.Max(0, all.Count - Size)).ToArray();
            Assert.Equal(window, history.Intervals);
            Assert.Equal(window.Sum(), history.IntervalSum, 6);
            Assert.Equal(window.Sum(x => x * x), history.SquaredIntervalSum, 3);
        }

        Assert.Equal(Size, history.Count);
        Assert.Equal(Size, history.Capacity);
    }

    [Fact]
    public void Add_FewSamples_GrowsTheRingOnlyAsNeeded()
    {
        var history = HeartbeatHistory.Empty(1000);
        Assert.Equal(0, history.Capacity);

        for (var i = 0; i < 9; i++)
        {
            history.Add(1000);
        }

        Assert.Equal(16, history.Capacity);
        for (var i = 0; i < 2000; i++)
        {
            history.Add(1000);
        }

        Assert.Equal(1000, history.Capacity);
        Assert.Equal(1000, history.Count);
        Assert.Equal(1_000_000.0, history.IntervalSum);
    }

    [Fact]
    public void Add_IntervalWithManyDigits_SumsMatchTheStoredSampleExactly()
    {
        var history = HeartbeatHistory.Empty(2).Add(1000.123456789).Add(999.987654321);

        history.Add(1000.5).Add(1000.5);

        Assert.Equal(2001.0, history.IntervalSum);
        Assert.Equal(2 * 1000.5 * 1000.5, history.SquaredIntervalSum);
        Assert.Equal(1000.123456789, HeartbeatHistory.Empty(1).Add(1000.123456789).Mean, 3);
    }

    [Fact]
    public void Clear_AfterSamples_IsEmptyAndReusable()
    {
        var history = HeartbeatHistory.Empty(3).Add(1).Add(2).Add(3).Add(4);

        history.Clear();

        Assert.Equal(0, history.Count);
        Assert.Empty(history.Intervals);
        Assert.Equal(0.0, history.IntervalSum);
        history.Add(5).Add(6);
        Assert.Equal([5.0, 6.0], history.Intervals);
        Assert.Equal(11.0, history.IntervalSum);
    }

    [Fact]
    public void Clone_ThenAddToOriginal_LeavesCopyUnchanged()
    {
        var original = HeartbeatHistory.Empty(2).Add(1).Add(2);

        var copy = original.Clone();
        original.Add(3);

        Assert.Equal([1.0, 2.0], copy.Intervals);
        Assert.Equal(3.0, copy.IntervalSum);
        Assert.Equal([2.0, 3.0], original.Intervals);
    }

    [Fact]
    public void Empty_NonPositiveSize_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => HeartbeatHistory.Empty(0));
    }
}
