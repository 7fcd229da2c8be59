using Pomelo.Akka.Cluster;
using Pomelo.Akka.Tests.TestSupport;

namespace Pomelo.Akka.Tests.Cluster;

public sealed class PhiAccrualFailureDetectorTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void New_BeforeAnyHeartbeat_IsAvailableWithPhiZeroAndNotMonitoring()
    {
        var detector = Detector();
        _time.Advance(TimeSpan.FromMinutes(10));

        Assert.True(detector.IsAvailable);
        Assert.Equal(0.0, detector.Phi);
        Assert.False(detector.IsMonitoring);
        Assert.Equal(TimeSpan.Zero, detector.SinceLastHeartbeat);
    }

    [Fact]
    public void Heartbeat_First_SeedsHistoryAroundHeartbeatInterval()
    {
        var detector = Detector();

        detector.Heartbeat();

        Assert.True(detector.IsMonitoring);
        Assert.Equal([750.0, 1250.0], detector.History.Intervals);
        Assert.Equal(1000.0, detector.History.Mean, 9);
        Assert.Equal(250.0, detector.History.StdDeviation, 9);
    }

    [Fact]
    public void MaxSampleSize_LongThenShortIntervals_MeanReflectsOnlyLastSamples()
    {
        var detector = Detector(o => o.MaxSampleSize = 3);
        Beat(detector, count: 5, TimeSpan.FromMilliseconds(2000));
        Assert.Equal(2000.0, detector.History.Mean, 9);

        Beat(detector, count: 3, TimeSpan.FromMilliseconds(500));

        Assert.Equal(3, detector.History.Count);
        Assert.Equal([500.0, 500.0, 500.0], detector.History.Intervals);
        Assert.Equal(500.0, detector.History.Mean, 9);
        Assert.Equal(0.0, detector.History.StdDeviation, 9);
    }

    [Fact]
    public void EffectiveStdDeviation_PerfectlyRegularHeartbeats_IsMinStdDeviation()
    {
        var detector = Detector(o =>
        {
            o.MaxSampleSize = 10;
            o.MinStdDeviation = TimeSpan.FromMilliseconds(200);
        });

        Beat(detector, count: 20, Second);

        Assert.Equal(0.0, detector.History.StdDeviation, 9);
        Assert.Equal(200.0, detector.EffectiveStdDeviationMs);
        var expected = PhiAccrualFailureDetector.CalculatePhi(0, 1000 + 3000, 200);
        Assert.Equal(expected, detector.Phi);
    }

    [Fact]
    public void Heartbeat_AfterPeerWasUnavailable_DoesNotRecordTheLongPause()
    {
        var detector = Detector();
        Beat(detector, count: 10, Second);
        var before = detector.History.Intervals.ToArray();

        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.False(detector.IsAvailable);
        detector.Heartbeat();

        Assert.True(detector.IsAvailable);
        Assert.Equal(before, detector.History.Intervals);
    }

    [Fact]
    public void Refresh_DuringALongSilence_KeepsThePeerAvailableWithoutAddingIntervals()
    {
        var detector = Detector();
        Beat(detector, count: 10, Second);
        var before = detector.History.Intervals.ToArray();

        // 30 s without a heartbeat, but the peer keeps taking in what is sent to it.
        for (var i = 0; i < 300; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(100));
            detector.Refresh();
            Assert.True(detector.IsAvailable, $"available after {(i + 1) * 100} ms of refreshes");
        }

        Assert.Equal(before, detector.History.Intervals);
        Assert.Equal(TimeSpan.Zero, detector.SinceLastHeartbeat);

        // The signs of life stop: the silence counts from the last one, and the peer goes as after a last heartbeat.
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.False(detector.IsAvailable);
    }

    [Fact]
    public void Refresh_ThenHeartbeat_RecordsTheIntervalFromThePreviousHeartbeat()
    {
        var detector = Detector();
        Beat(detector, count: 10, Second);

        _time.Advance(TimeSpan.FromMilliseconds(1500));
        detector.Refresh();
        _time.Advance(TimeSpan.FromMilliseconds(500));
        detector.Heartbeat();

        Assert.Equal(2000.0, detector.History.Intervals[^1]);
    }

    [Fact]
    public void Refresh_BeforeTheFirstHeartbeat_IsIgnored()
    {
        var detector = Detector();

        detector.Refresh();

        Assert.False(detector.IsMonitoring);
        Assert.Equal(0, detector.History.Count);
    }

    [Fact]
    public void Reset_AfterHeartbeats_ForgetsHistory()
    {
        var detector = Detector();
        Beat(detector, count: 10, TimeSpan.FromMilliseconds(300));
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.False(detector.IsAvailable);

        detector.Reset();

        Assert.False(detector.IsMonitoring);
        Assert.True(detector.IsAvailable);
        Assert.Equal(0.0, detector.Phi);
        Assert.Equal(0, detector.History.Count);
        detector.Heartbeat();
        Assert.Equal([750.0, 1250.0], detector.History.Intervals);
    }

    [Fact]
    public void Constructor_InvalidOptions_Throws()
    {
        Assert.Throws<ArgumentException>(() => Detector(o => o.Threshold = 0));
        Assert.Throws<ArgumentNullException>(() => new PhiAccrualFailureDetector(null!, _time));
        Assert.Throws<ArgumentNullException>(() => new PhiAccrualFailureDetector(new PhiAccrualOptions(), null!));
    }

    [Fact]
    public void Constructor_OptionsChangedAfterwards_KeepsOriginalValues()
    {
        var options = new PhiAccrualOptions();
        var detector = new PhiAccrualFailureDetector(options, _time);

        options.Threshold = 0.001;

        Assert.Equal(8.0, detector.Threshold);
    }

    private PhiAccrualFailureDetector Detector(Action<PhiAccrualOptions>? configure = null)
    {
        var options = new PhiAccrualOptions();
        configure?.Invoke(options);
        return new PhiAccrualFailureDetector(options, _time);
    }

    private void Beat(PhiAccrualFailureDetector detector, int count, TimeSpan interval) =>
        PhiAccrualProbe.Beat(detector, _time, count, interval);
}
