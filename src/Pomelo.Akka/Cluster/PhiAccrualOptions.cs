namespace Pomelo.Akka.Cluster;

/// <summary>Settings of a phi-accrual failure detector (Akka's defaults).</summary>
public sealed class PhiAccrualOptions
{
    /// <summary>Gets or sets the phi above which the peer is considered unavailable (default 8).</summary>
    public double Threshold { get; set; } = 8.0;

    /// <summary>Gets or sets how many inter-arrival intervals are remembered (default 1000).</summary>
    public int MaxSampleSize { get; set; } = 1000;

    /// <summary>Gets or sets the floor of the intervals' standard deviation (default 100 ms).</summary>
    public TimeSpan MinStdDeviation { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Gets or sets the pause tolerated on top of the mean interval (default 3 s).</summary>
    public TimeSpan AcceptableHeartbeatPause { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Gets or sets the expected heartbeat interval, the first estimate of the mean (default 1 s).</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public void Validate()
    {
        if (!(Threshold > 0) || MaxSampleSize <= 0 || MinStdDeviation <= TimeSpan.Zero || AcceptableHeartbeatPause < TimeSpan.Zero || HeartbeatInterval <= TimeSpan.Zero)
        {
            throw new ArgumentException("phi accrual: threshold, maxSampleSize, minStdDeviation and heartbeatInterval must be positive, acceptableHeartbeatPause not negative.");
        }
    }
}
