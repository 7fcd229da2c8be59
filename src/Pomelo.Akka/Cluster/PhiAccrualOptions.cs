namespace Pomelo.Akka.Cluster;

/// <summary>
/// Settings of a <see cref="PhiAccrualFailureDetector"/>, with Akka.NET's cluster defaults.
/// </summary>
/// <remarks>
/// With the defaults and steady heartbeats every second, a silent peer becomes unavailable about 4.55 s after its
/// last heartbeat: the expected arrival is <see cref="HeartbeatInterval"/> + <see cref="AcceptableHeartbeatPause"/>
/// (4 s) and phi reaches 8 about 5.2 standard deviations (floored at <see cref="MinStdDeviation"/>) later.
/// </remarks>
public sealed class PhiAccrualOptions
{
    /// <summary>The phi value at and above which a peer counts as unavailable; positive. Default: 8.</summary>
    public double Threshold { get; set; } = 8.0;

    /// <summary>How many inter-arrival intervals are kept to estimate the distribution; positive. Default: 1000.</summary>
    public int MaxSampleSize { get; set; } = 1000;

    /// <summary>
    /// The smallest standard deviation used in the phi calculation, so perfectly regular heartbeats do not make the
    /// detector hair-triggered; positive. Default: 100 ms.
    /// </summary>
    public TimeSpan MinStdDeviation { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Extra time added to the mean interval before heartbeats count as late, to tolerate pauses such as garbage
    /// collection; zero or positive (zero is allowed, as in Akka). Default: 3 s.
    /// </summary>
    public TimeSpan AcceptableHeartbeatPause { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// The expected heartbeat interval, used to seed the history on the first heartbeat (mean = this value, standard
    /// deviation = a quarter of it), as Akka's first-heartbeat estimate; positive. Default: 1 s.
    /// </summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Checks every setting, throwing when one is out of range.</summary>
    /// <exception cref="ArgumentException">A setting is not positive (or, for the pause, is negative).</exception>
    public void Validate()
    {
        if (!(Threshold > 0) || double.IsInfinity(Threshold))
        {
            throw new ArgumentException($"Threshold must be a positive finite number, not {Threshold}.", nameof(Threshold));
        }

        if (MaxSampleSize <= 0)
        {
            throw new ArgumentException($"MaxSampleSize must be positive, not {MaxSampleSize}.", nameof(MaxSampleSize));
        }

        if (MinStdDeviation <= TimeSpan.Zero)
        {
            throw new ArgumentException($"MinStdDeviation must be positive, not {MinStdDeviation}.", nameof(MinStdDeviation));
        }

        if (AcceptableHeartbeatPause < TimeSpan.Zero)
        {
            throw new ArgumentException(
                $"AcceptableHeartbeatPause must not be negative, not {AcceptableHeartbeatPause}.",
                nameof(AcceptableHeartbeatPause));
        }

        if (HeartbeatInterval <= TimeSpan.Zero)
        {
            throw new ArgumentException($"HeartbeatInterval must be positive, not {HeartbeatInterval}.", nameof(HeartbeatInterval));
        }
    }
}
