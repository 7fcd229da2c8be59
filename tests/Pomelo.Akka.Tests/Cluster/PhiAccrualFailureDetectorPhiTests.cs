using Pomelo.Akka.Cluster;
using Pomelo.Akka.Tests.TestSupport;

namespace Pomelo.Akka.Tests.Cluster;

/// <summary>How phi and availability evolve with the time since the last heartbeat.</summary>
public sealed class PhiAccrualFailureDetectorPhiTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Phi_JustAfterSteadyHeartbeats_StaysBelowOne()
    {
        var detector = Detector();
        for (var i = 0; i < 30; i++)
        {
            detector.Heartbeat();
            Assert.True(detector.Phi < 1.0);
            _time.Advance(Second);
        }

        detector.Heartbeat();
        _time.Advance(TimeSpan.FromMilliseconds(10));

        Assert.True(detector.Phi < 1.0, $"phi {detector.Phi}");
        Assert.Equal(TimeSpan.FromMilliseconds(10), detector.SinceLastHeartbeat);
    }

    [Fact]
    public void IsAvailable_SteadyHeartbeatsThenSilence_TurnsFalseAt4550Milliseconds()
    {
        var detector = Detector();
        Beat(detector, count: 30, Second);

        var crossing = PhiAccrualProbe.FirstUnavailable(detector, _time, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(6));

        Assert.Equal(TimeSpan.FromMilliseconds(4550), crossing);
    }

    [Fact]
    public void Phi_GrowingSilence_NeverDecreases()
    {
        var detector = Detector();
        Beat(detector, count: 30, Second);
        var previous = detector.Phi;

        for (var i = 0; i < 160; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(50));
            var phi = detector.Phi;
            Assert.True(phi >= previous, $"phi fell from {previous} to {phi} at {detector.SinceLastHeartbeat}");
            previous = phi;
        }

        Assert.True(previous > detector.Threshold);
    }

    [Fact]
    public void Phi_GrowingSilenceAfterVariedIntervals_IncreasesAtEveryCheckPoint()
    {
        var detector = Detector();
        detector.Heartbeat();
        for (var i = 0; i < 40; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(i % 2 == 0 ? 600 : 1400));
            detector.Heartbeat();
        }

        var points = new List<double>();
        var elapsed = TimeSpan.Zero;
        foreach (var seconds in new[] { 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0, 5.5, 6.0, 7.0 })
        {
            _time.Advance(TimeSpan.FromSeconds(seconds) - elapsed);
            elapsed = TimeSpan.FromSeconds(seconds);
            points.Add(detector.Phi);
        }

        for (var i = 1; i < points.Count; i++)
        {
            Assert.True(points[i] > points[i - 1], string.Join(", ", points));
        }

        Assert.True(points[0] < 0.1 && points[^1] > detector.Threshold, string.Join(", ", points));
    }

    private PhiAccrualFailureDetector Detector() => new(new PhiAccrualOptions(), _time);

    private void Beat(PhiAccrualFailureDetector detector, int count, TimeSpan interval) =>
        PhiAccrualProbe.Beat(detector, _time, count, interval);
}
