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
            var interval = 500 + random.Next(0, 1000);
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
    public void Add_FractionalInterval_KeepsWholeMillisecondsAndSumsMatchTheStoredSamples()
    {
        var history = HeartbeatHistory.Empty(2).Add(1000.123456789).Add(999.5);

        Assert.Equal([1000.0, 1000.0], history.Intervals);
        history.Add(1000.5).Add(-3);

        Assert.Equal([1001.0, 0.0], history.Intervals);
        Assert.Equal(1001.0, history.IntervalSum);
        Assert.Equal(1001.0 * 1001.0, history.SquaredIntervalSum);
    }

    [Fact]
    public void Add_IntervalBeyond16Bits_SwitchesTo4BytesAndKeepsEverySample()
    {
        var history = HeartbeatHistory.Empty(4).Add(1000).Add(2000).Add(3000);
        Assert.Equal(2, history.BytesPerSample);

        history.Add(70_000).Add(65_535).Add(100_000);

        Assert.Equal(4, history.BytesPerSample);
        Assert.Equal([3000.0, 70_000.0, 65_535.0, 100_000.0], history.Intervals);
        Assert.Equal(238_535.0, history.IntervalSum);
        Assert.Equal((3000.0 * 3000) + (70_000.0 * 70_000) + (65_535.0 * 65_535) + (100_000.0 * 100_000), history.SquaredIntervalSum);
        Assert.Equal([70_000.0, 65_535.0, 100_000.0], history.Clone().Add(1).Intervals.Take(3));
    }

    [Fact]
    public void Add_WidenedWhileGrowing_KeepsOrderAcrossTheRing()
    {
        var history = HeartbeatHistory.Empty(20);
        for (var i = 1; i <= 5; i++)
        {
            history.Add(i);
        }

        history.Add(80_000);
        for (var i = 7; i <= 30; i++)
        {
            history.Add(i);
        }

        Assert.Equal(Enumerable.Range(11, 20).Select(i => (double)i), history.Intervals);
        Assert.Equal(20, history.Capacity);
    }

    [Fact]
    public void MeanAndDeviation_JitteredHeartbeats_MatchTheExactWindowWithinRounding()
    {
        // What the failure detector reads: whole-millisecond samples must not move the mean or deviation of real
        // (sub-millisecond) heartbeat intervals by more than the rounding, nor phi noticeably.
        const int Size = 1000;
        var history = HeartbeatHistory.Empty(Size);
        var exact = new List<double>();
        var random = new Random(11);
        for (var i = 0; i < 3_000; i++)
        {
            var interval = 1000 + (random.NextDouble() * 200) - 100 + (random.Next(0, 50) == 0 ? 900 : 0);
            exact.Add(interval);
            history.Add(interval);
        }

        var window = exact.Skip(exact.Count - Size).ToArray();
        var mean = window.Average();
        var deviation = Math.Sqrt(window.Sum(x => (x - mean) * (x - mean)) / Size);
        Assert.Equal(mean, history.Mean, 0.5);
        Assert.Equal(deviation, history.StdDeviation, 0.5);
        foreach (var silence in new[] { 1000.0, 3000.0, 4500.0, 5000.0 })
        {
            var expected = PhiAccrualFailureDetector.CalculatePhi(silence, mean + 3000, Math.Max(deviation, 100));
            var actual = PhiAccrualFailureDetector.CalculatePhi(silence, history.Mean + 3000, Math.Max(history.StdDeviation, 100));
            Assert.Equal(expected, actual, Math.Max(1e-3, expected * 1e-2));
        }

        Assert.Equal(2, history.BytesPerSample);
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
