namespace Pomelo.Akka.Cluster;

/// <summary>Failure detection and membership options (config section <c>pomelo:cluster</c>).</summary>
public sealed class MembershipOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "pomelo:cluster";

    /// <summary>Gets or sets the expected heartbeat interval, the detector's first estimate (default 1 s).</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the pause tolerated on top of the mean interval (default 3 s).</summary>
    public TimeSpan AcceptableHeartbeatPause { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Gets or sets the phi above which a member is unreachable (default 8).</summary>
    public double Threshold { get; set; } = 8;

    /// <summary>Gets or sets the floor of the heartbeat interval's standard deviation (default 100 ms).</summary>
    public TimeSpan MinStdDeviation { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Gets or sets how many intervals the detector remembers (default 1000).</summary>
    public int MaxSampleSize { get; set; } = 1000;

    /// <summary>Gets or sets how often reachability is checked (default 200 ms).</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Gets or sets how long an unreachable member may come back before it is removed (default 10 s).</summary>
    public TimeSpan RemovalMargin { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets the most requests kept for re-sending per member while it is unreachable (default 100).</summary>
    public int MaxRepushPerMember { get; set; } = 100;

    /// <summary>Gets or sets the server ids that must report started before the master broadcasts startOver (once).</summary>
    public List<string> ExpectedServers { get; set; } = [];

    /// <summary>Gets the detector options these settings describe.</summary>
    /// <returns>The phi-accrual options.</returns>
    public PhiAccrualOptions ToDetectorOptions() => new()
    {
        HeartbeatInterval = HeartbeatInterval,
        AcceptableHeartbeatPause = AcceptableHeartbeatPause,
        Threshold = Threshold,
        MinStdDeviation = MinStdDeviation,
        MaxSampleSize = MaxSampleSize,
    };
}
