namespace Pomelo.Akka.Cluster;

/// <summary>
/// A phi-accrual failure detector (Hayashibara et al.), with the semantics of Akka's
/// <c>PhiAccrualFailureDetector</c>: it learns the distribution of heartbeat inter-arrival times and reports, as
/// <see cref="Phi"/>, how unlikely it is that the next heartbeat is merely late rather than never coming.
/// </summary>
/// <remarks>
/// <para>
/// The first heartbeat seeds the history with two intervals, <see cref="PhiAccrualOptions.HeartbeatInterval"/> ∓ a
/// quarter of it, so the mean starts at that interval. Each later heartbeat adds its interval to a window of at most
/// <see cref="PhiAccrualOptions.MaxSampleSize"/>, unless the detector had already judged the peer unavailable: like
/// Akka, that first heartbeat after a failure only restarts the clock, so the long pause does not skew the statistics.
/// </para>
/// <para>
/// Phi uses mean = history mean + <see cref="PhiAccrualOptions.AcceptableHeartbeatPause"/> and standard deviation
/// = max(history deviation, <see cref="PhiAccrualOptions.MinStdDeviation"/>), with Akka's logistic approximation of
/// the normal distribution.
/// </para>
/// <para>
/// Thread-safe. Akka swaps an immutable state (a new history per heartbeat) by compare-and-swap; here the state is a
/// mutable ring (<see cref="HeartbeatHistory"/>, whole milliseconds in 2 bytes a sample, no allocation per heartbeat) guarded by this
/// detector's own monitor, held only for a few arithmetic operations, so heartbeats of different peers never contend
/// and readers see a consistent snapshot. Time comes only from the injected <see cref="TimeProvider"/>.
/// </para>
/// </remarks>
public sealed class PhiAccrualFailureDetector
{
    private readonly TimeProvider _timeProvider;
    private readonly double _acceptablePauseMs;
    private readonly double _minStdDeviationMs;
    private readonly double _firstIntervalMs;

    // Guarded by locking _history itself (a private object never exposed), which saves a lock object per member.
    private readonly HeartbeatHistory _history;
    private long _lastTimestamp;
    private long _lastHeard;
    private bool _monitoring;

    /// <summary>Creates a detector; the options are validated and copied, so later changes to them have no effect.</summary>
    /// <param name="options">The settings.</param>
    /// <param name="timeProvider">The clock heartbeats are timed by.</param>
    /// <exception cref="ArgumentException">A setting is out of range (see <see cref="PhiAccrualOptions.Validate"/>).</exception>
    public PhiAccrualFailureDetector(PhiAccrualOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options.Validate();
        _timeProvider = timeProvider;
        Threshold = options.Threshold;
        _acceptablePauseMs = options.AcceptableHeartbeatPause.TotalMilliseconds;
        _minStdDeviationMs = options.MinStdDeviation.TotalMilliseconds;
        _firstIntervalMs = options.HeartbeatInterval.TotalMilliseconds;
        _history = HeartbeatHistory.Empty(options.MaxSampleSize);
    }

    /// <summary>The phi value at and above which the peer counts as unavailable.</summary>
    public double Threshold { get; }

    /// <summary>The suspicion level now: 0 before the first heartbeat, growing while no heartbeat arrives.</summary>
    public double Phi
    {
        get
        {
            lock (_history)
            {
                return PhiAt(_timeProvider.GetTimestamp());
            }
        }
    }

    /// <summary>Whether the peer counts as alive now: <see cref="Phi"/> is below the threshold (true before the first heartbeat).</summary>
    public bool IsAvailable => Phi < Threshold;

    /// <summary>Whether a heartbeat has been seen since creation or the last <see cref="Reset"/>.</summary>
    public bool IsMonitoring
    {
        get
        {
            lock (_history)
            {
                return _monitoring;
            }
        }
    }

    /// <summary>The time since the last heartbeat (or other sign of life, see <see cref="Refresh"/>), or <see cref="TimeSpan.Zero"/> before the first.</summary>
    public TimeSpan SinceLastHeartbeat
    {
        get
        {
            lock (_history)
            {
                return _monitoring ? _timeProvider.GetElapsedTime(_lastHeard) : TimeSpan.Zero;
            }
        }
    }

    /// <summary>A copy of the current interval history (for tests and diagnostics).</summary>
    internal HeartbeatHistory History
    {
        get
        {
            lock (_history)
            {
                return _history.Clone();
            }
        }
    }

    /// <summary>The standard deviation phi is computed with now, in milliseconds: the history's, floored at the minimum.</summary>
    internal double EffectiveStdDeviationMs => EnsureValidStdDeviation(History.StdDeviation);

    /// <summary>Records a heartbeat arriving now. Thread-safe; never allocates once the ring has grown.</summary>
    public void Heartbeat()
    {
        lock (_history)
        {
            // The clock is read under the lock, so timestamps are recorded in order and no interval is negative.
            var timestamp = _timeProvider.GetTimestamp();
            if (!_monitoring)
            {
                var stdDeviation = _firstIntervalMs / 4;
                _history.Add(_firstIntervalMs - stdDeviation).Add(_firstIntervalMs + stdDeviation);
            }
            else if (PhiAt(timestamp) < Threshold)
            {
                _history.Add(_timeProvider.GetElapsedTime(_lastTimestamp, timestamp).TotalMilliseconds);
            }

            _lastTimestamp = timestamp;
            _lastHeard = timestamp;
            _monitoring = true;
        }
    }

    /// <summary>
    /// Records a sign of life that is not a heartbeat (the peer took in bytes that were waiting for it): the silence
    /// phi measures restarts now, but no interval joins the history, so a burst of such signs neither shrinks the
    /// expected interval nor shortens the next heartbeat's. Ignored before the first heartbeat.
    /// </summary>
    public void Refresh()
    {
        lock (_history)
        {
            if (_monitoring)
            {
                _lastHeard = _timeProvider.GetTimestamp();
            }
        }
    }

    /// <summary>Forgets every heartbeat, as for a peer that re-registered; the detector is then as newly created.</summary>
    public void Reset()
    {
        lock (_history)
        {
            _history.Clear();
            _monitoring = false;
            _lastTimestamp = 0;
            _lastHeard = 0;
        }
    }

    /// <summary>
    /// Akka's approximation of phi: −log10 of the probability that a heartbeat arrives later than
    /// <paramref name="timeDiff"/>, for a normal distribution with <paramref name="mean"/> and
    /// <paramref name="stdDeviation"/>, using a logistic approximation of its cumulative distribution.
    /// </summary>
    /// <param name="timeDiff">The time since the last heartbeat.</param>
    /// <param name="mean">The expected interval, in the same unit.</param>
    /// <param name="stdDeviation">The standard deviation, in the same unit; positive.</param>
    /// <returns>Phi, from 0 upwards (possibly positive infinity).</returns>
    internal static double CalculatePhi(double timeDiff, double mean, double stdDeviation)
    {
        var y = (timeDiff - mean) / stdDeviation;
        var e = Math.Exp(-y * (1.5976 + (0.070566 * y * y)));
        return timeDiff > mean ? -Math.Log10(e / (1.0 + e)) : -Math.Log10(1.0 - (1.0 / (1.0 + e)));
    }

    // Called with the lock held.
    private double PhiAt(long timestamp)
    {
        if (!_monitoring)
        {
            return 0.0;
        }

        var timeDiff = _timeProvider.GetElapsedTime(_lastHeard, timestamp).TotalMilliseconds;
        var mean = _history.Mean + _acceptablePauseMs;
        return CalculatePhi(timeDiff, mean, EnsureValidStdDeviation(_history.StdDeviation));
    }

    private double EnsureValidStdDeviation(double stdDeviation) => Math.Max(stdDeviation, _minStdDeviationMs);
}
