using System.Collections.Concurrent;
using Pomelo.Akka.Cluster;
using Pomelo.Akka.Tests.TestSupport;
using Xunit.Abstractions;

namespace Pomelo.Akka.Tests.Cluster;

public sealed class PhiAccrualFailureDetectorLoadTests(ITestOutputHelper output)
{
    private static readonly TimeSpan CheckEvery = TimeSpan.FromMilliseconds(100);

    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void IsAvailable_TenMinutesOfJitteredHeartbeatsWithLateOnes_NeverFalse()
    {
        var detector = new PhiAccrualFailureDetector(new PhiAccrualOptions(), _time);
        var random = new Random(42);
        var end = _time.GetUtcNow() + TimeSpan.FromMinutes(10);
        var nextCheck = _time.GetUtcNow();
        var maxPhi = 0.0;
        var heartbeats = 0;
        var longestGap = TimeSpan.Zero;
        detector.Heartbeat();

        while (_time.GetUtcNow() < end)
        {
            heartbeats++;
            var gap = TimeSpan.FromMilliseconds(1000 + random.Next(-500, 501) + (heartbeats % 60 == 0 ? 1500 : 0));
            longestGap = gap > longestGap ? gap : longestGap;
            var due = _time.GetUtcNow() + gap;
            while (nextCheck <= due)
            {
                _time.SetUtcNow(nextCheck);
                maxPhi = Math.Max(maxPhi, Check(detector));
                nextCheck += CheckEvery;
            }

            _time.SetUtcNow(due);
            maxPhi = Math.Max(maxPhi, Check(detector));
            detector.Heartbeat();
        }

        output.WriteLine($"{heartbeats} heartbeats, longest gap {longestGap.TotalMilliseconds} ms, max phi {maxPhi:F4}");
        Assert.True(longestGap >= TimeSpan.FromMilliseconds(2500), $"longest gap {longestGap}");
        Assert.InRange(heartbeats, 550, 620);
        Assert.True(maxPhi < 1.0, $"max phi {maxPhi}");
    }

    [Fact]
    public void IsAvailable_HungPeerAfterLongSteadyHistory_FalseWithinFiveSecondsButNotBeforeThree()
    {
        var detector = new PhiAccrualFailureDetector(new PhiAccrualOptions(), _time);
        detector.Heartbeat();
        for (var i = 0; i < 600; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            detector.Heartbeat();
        }

        var crossing = PhiAccrualProbe.FirstUnavailable(detector, _time, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(5));

        output.WriteLine($"unavailable {crossing.TotalSeconds} s after the last heartbeat");
        Assert.Equal(TimeSpan.FromMilliseconds(4550), crossing);
    }

    [Fact]
    public void Heartbeat_FromSeveralThreadsWhileReadingPhi_KeepsEveryIntervalConsistent()
    {
        const int Threads = 4;
        const int PerThread = 2000;
        var detector = new PhiAccrualFailureDetector(new PhiAccrualOptions { MaxSampleSize = 100_000 }, _time);
        using var start = new Barrier(Threads + 2);
        var failures = new ConcurrentQueue<string>();
        var readings = 0;
        void Read()
        {
            var phi = detector.Phi;
            if (!double.IsFinite(phi) || phi < 0 || !detector.IsAvailable)
            {
                failures.Enqueue($"phi {phi}");
            }

            Interlocked.Increment(ref readings);
        }

        var writers = Enumerable.Range(0, Threads).Select(_ => Run(start, failures, () =>
        {
            for (var i = 0; i < PerThread; i++)
            {
                detector.Heartbeat();
                Read();
            }
        })).ToArray();
        foreach (var writer in writers)
        {
            writer.Start();
        }

        var clock = Run(start, failures, () =>
        {
            for (var i = 0; i < 500; i++)
            {
                _time.Advance(TimeSpan.FromMilliseconds(1));
            }
        });
        clock.Start();
        start.SignalAndWait();
        do
        {
            Read();
        }
        while (writers.Any(t => t.IsAlive));

        foreach (var thread in writers.Append(clock))
        {
            thread.Join();
        }

        Assert.Empty(failures);
        Assert.True(readings > Threads * PerThread);
        var history = detector.History;
        var recorded = history.Intervals.Skip(2).ToArray();
        Assert.Equal((Threads * PerThread) - 1, recorded.Length);
        Assert.Equal((Threads * PerThread) + 1, history.Count);
        Assert.All(recorded, interval => Assert.InRange(interval, 0.0, 500.0));
        Assert.Equal(recorded.Sum() + 2000.0, history.IntervalSum, 6);
        Assert.Equal(recorded.Sum(x => x * x) + (750.0 * 750.0) + (1250.0 * 1250.0), history.SquaredIntervalSum, 6);
        Assert.InRange(recorded.Sum(), 0.0, 500.0);
    }

    /// <summary>A thread that waits at <paramref name="start"/>, runs <paramref name="body"/> and records any exception.</summary>
    private static Thread Run(Barrier start, ConcurrentQueue<string> failures, Action body) => new(() =>
    {
        start.SignalAndWait();
        try
        {
            body();
        }
        catch (Exception ex)
        {
            failures.Enqueue(ex.ToString());
        }
    });

    private static double Check(PhiAccrualFailureDetector detector)
    {
        var phi = detector.Phi;
        Assert.True(detector.IsAvailable, $"false positive: phi {phi} after {detector.SinceLastHeartbeat}");
        return phi;
    }
}
