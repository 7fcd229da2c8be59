using Pomelo.Akka.Cluster;
using Pomelo.Akka.Tests.TestSupport;

namespace Pomelo.Akka.Tests.Cluster;

/// <summary>Measures when a silent peer turns unavailable, walking fake time in fixed steps.</summary>
internal static class PhiAccrualProbe
{
    /// <summary>The never-unreachable-before bound the cluster relies on (the default acceptable pause).</summary>
    public static readonly TimeSpan NotBefore = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Advances <paramref name="time"/> by <paramref name="step"/> until the detector is unavailable and returns the
    /// time since the last heartbeat at that point; asserts it stays available through <see cref="NotBefore"/> and
    /// turns unavailable by <paramref name="limit"/>.
    /// </summary>
    public static TimeSpan FirstUnavailable(PhiAccrualFailureDetector detector, FakeTimeProvider time, TimeSpan step, TimeSpan limit)
    {
        Assert.True(detector.IsAvailable);
        while (detector.IsAvailable)
        {
            Assert.True(detector.SinceLastHeartbeat < limit, $"still available {detector.SinceLastHeartbeat} after the last heartbeat");
            time.Advance(step);
        }

        var crossing = detector.SinceLastHeartbeat;
        Assert.True(crossing > NotBefore, $"unavailable after only {crossing}");
        return crossing;
    }

    /// <summary>
    /// Sends <paramref name="count"/> heartbeats <paramref name="interval"/> apart, ending on a heartbeat; the first
    /// is sent at once unless the detector is already monitoring.
    /// </summary>
    public static void Beat(PhiAccrualFailureDetector detector, FakeTimeProvider time, int count, TimeSpan interval)
    {
        for (var i = 0; i < count; i++)
        {
            if (i > 0 || detector.IsMonitoring)
            {
                time.Advance(interval);
            }

            detector.Heartbeat();
        }
    }
}
