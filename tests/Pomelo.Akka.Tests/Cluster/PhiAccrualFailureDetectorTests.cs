using Pomelo.Akka.Cluster;
using Pomelo.Akka.Tests.TestSupport;

namespace Pomelo.Akka.Tests.Cluster;

public sealed class PhiAccrualFailureDetectorTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void BeforeAnyHeartbeat_IsAvailableAndNotMonitoring()
    {
        var detector = new PhiAccrualFailureDetector(new PhiAccrualOptions(), _time);
        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.True(detector.IsAvailable);
        Assert.False(detector.IsMonitoring);
        Assert.Equal(0, detector.Phi);
    }

    [Fact]
    public void SteadyHeartbeatsThenSilence_UnavailableAfterThreeAndBeforeSixSeconds()
    {
        var detector = Steady(600);

        var crossing = TimeSpan.Zero;
        while (detector.IsAvailable)
        {
            _time.Advance(TimeSpan.FromMilliseconds(50));
            crossing += TimeSpan.FromMilliseconds(50);
        }

        Assert.InRange(crossing.TotalSeconds, 3.0, 6.0);
        Assert.InRange(crossing.TotalSeconds, 4.0, 5.0);
    }

    [Fact]
    public void PhiAfterTheLastHeartbeat_GrowsWithTime()
    {
        var detector = Steady(30);
        var previous = detector.Phi;

        for (var i = 0; i < 10; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(500));
            var phi = detector.Phi;
            Assert.True(phi >= previous, $"phi fell from {previous} to {phi}");
            previous = phi;
        }

        Assert.True(previous > 8);
    }

    [Fact]
    public void TenMinutesOfJitteryHeartbeats_NeverLookUnavailable()
    {
        var detector = new PhiAccrualFailureDetector(new PhiAccrualOptions(), _time);
        var random = new Random(42);
        var maxPhi = 0.0;
        var elapsed = TimeSpan.Zero;
        var beat = 0;
        detector.Heartbeat();
        while (elapsed < TimeSpan.FromMinutes(10))
        {
            var gap = TimeSpan.FromMilliseconds(1000 + random.Next(-500, 501) + (++beat % 60 == 0 ? 1500 : 0));
            for (var t = TimeSpan.Zero; t < gap; t += TimeSpan.FromMilliseconds(100))
            {
                _time.Advance(TimeSpan.FromMilliseconds(100));
                maxPhi = Math.Max(maxPhi, detector.Phi);
                Assert.True(detector.IsAvailable, $"false positive at {elapsed + t} (phi {detector.Phi:0.00})");
            }

            elapsed += gap;
            detector.Heartbeat();
        }

        Assert.InRange(maxPhi, 0, 8);
    }

    [Fact]
    public void MinStdDeviation_FloorsPerfectlyRegularHeartbeats()
    {
        var detector = Steady(50, new PhiAccrualOptions { MaxSampleSize = 10 });

        Assert.Equal(0, detector.StdDeviationMs, 3);
        Assert.Equal(1000, detector.MeanMs, 3);
        _time.Advance(TimeSpan.FromSeconds(4));
        Assert.True(detector.Phi is > 0.1 and < 8, $"phi {detector.Phi} should use the 100 ms floor, not a zero deviation");
    }

    [Fact]
    public void MaxSampleSize_KeepsOnlyTheLatestIntervals()
    {
        var detector = new PhiAccrualFailureDetector(new PhiAccrualOptions { MaxSampleSize = 3 }, _time);
        detector.Heartbeat();
        foreach (var ms in new[] { 5000, 5000, 5000, 200, 200, 200 })
        {
            _time.Advance(TimeSpan.FromMilliseconds(ms));
            detector.Heartbeat();
        }

        Assert.Equal(200, detector.MeanMs, 3);
    }

    [Fact]
    public void Reset_ForgetsTheHistory()
    {
        var detector = Steady(5);

        detector.Reset();
        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.False(detector.IsMonitoring);
        Assert.True(detector.IsAvailable);
    }

    [Fact]
    public void ConcurrentHeartbeatsAndReads_StayConsistent()
    {
        var detector = new PhiAccrualFailureDetector(new PhiAccrualOptions { MaxSampleSize = 100_000 }, _time);

        Parallel.For(0, 4000, i =>
        {
            detector.Heartbeat();
            _ = detector.Phi;
        });

        Assert.True(detector.IsMonitoring);
        Assert.True(detector.IsAvailable);
    }

    [Theory]
    [InlineData(0, 1000, 100, 1000)]
    [InlineData(8, 0, 100, 1000)]
    [InlineData(8, 1000, 0, 1000)]
    [InlineData(8, 1000, 100, 0)]
    public void Validate_BadSettings_Throw(double threshold, int samples, int minStdMs, int intervalMs)
    {
        var options = new PhiAccrualOptions
        {
            Threshold = threshold,
            MaxSampleSize = samples,
            MinStdDeviation = TimeSpan.FromMilliseconds(minStdMs),
            HeartbeatInterval = TimeSpan.FromMilliseconds(intervalMs),
        };

        Assert.Throws<ArgumentException>(options.Validate);
    }

    private PhiAccrualFailureDetector Steady(int beats, PhiAccrualOptions? options = null)
    {
        var detector = new PhiAccrualFailureDetector(options ?? new PhiAccrualOptions(), _time);
        detector.Heartbeat();
        for (var i = 0; i < beats; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            detector.Heartbeat();
        }

        return detector;
    }
}
