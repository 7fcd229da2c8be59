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
/// Thread-safe and lock-free, as in Akka: all state lives in one immutable object that <see cref="Heartbeat"/> and
/// <see cref="Reset"/> replace with <see cref="Interlocked.CompareExchange{T}(ref T, T, T)"/>, retrying when another
/// thread won the race; readers see a consistent snapshot. Time comes only from the injected <see cref="TimeProvider"/>.
/// </para>
/// </remarks>
public sealed class PhiAccrualFailureDetector
{
    private readonly TimeProvider _timeProvider;
    private readonly PhiAccrualState _initialState;
    private readonly double _acceptablePauseMs;
    private readonly double _minStdDeviationMs;
    private readonly double _firstIntervalMs;
    private PhiAccrualState _state;

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
        _initialState = new PhiAccrualState(HeartbeatHistory.Empty(options.MaxSampleSize), null);
        _state = _initialState;
    }

    /// <summary>The phi value at and above which the peer counts as unavailable.</summary>
    public double Threshold { get; }

    /// <summary>The suspicion level now: 0 before the first heartbeat, growing while no heartbeat arrives.</summary>
    public double Phi => PhiAt(Volatile.Read(ref _state), _timeProvider.GetTimestamp());

    /// <summary>Whether the peer counts as alive now: <see cref="Phi"/> is below the threshold (true before the first heartbeat).</summary>
    public bool IsAvailable => Phi < Threshold;

    /// <summary>Whether a heartbeat has been seen since creation or the last <see cref="Reset"/>.</summary>
    public bool IsMonitoring => Volatile.Read(ref _state).LastTimestamp is not null;

    /// <summary>The time since the last heartbeat, or <see cref="TimeSpan.Zero"/> before the first.</summary>
    public TimeSpan SinceLastHeartbeat =>
        Volatile.Read(ref _state).LastTimestamp is { } last ? _timeProvider.GetElapsedTime(last) : TimeSpan.Zero;

    /// <summary>The current interval history (for tests and diagnostics).</summary>
    internal HeartbeatHistory History => Volatile.Read(ref _state).History;

    /// <summary>The standard deviation phi is computed with now, in milliseconds: the history's, floored at the minimum.</summary>
    internal double EffectiveStdDeviationMs => EnsureValidStdDeviation(History.StdDeviation);

    /// <summary>Records a heartbeat arriving now. Thread-safe.</summary>
    public void Heartbeat()
    {
        while (true)
        {
            // Read the state before the clock, so a state installed by another thread never has a later timestamp.
            var oldState = Volatile.Read(ref _state);
            var timestamp = _timeProvider.GetTimestamp();
            HeartbeatHistory history;
            if (oldState.LastTimestamp is not { } last)
            {
                history = FirstHeartbeat(oldState.History);
            }
            else if (PhiAt(oldState, timestamp) < Threshold)
            {
                history = oldState.History.Add(_timeProvider.GetElapsedTime(last, timestamp).TotalMilliseconds);
            }
            else
            {
                history = oldState.History;
            }

            var newState = new PhiAccrualState(history, timestamp);
            if (ReferenceEquals(Interlocked.CompareExchange(ref _state, newState, oldState), oldState))
            {
                return;
            }
        }
    }

    /// <summary>Forgets every heartbeat, as for a peer that re-registered; the detector is then as newly created.</summary>
    public void Reset() => Volatile.Write(ref _state, _initialState);

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

    private double PhiAt(PhiAccrualState state, long timestamp)
    {
        if (state.LastTimestamp is not { } last)
        {
            return 0.0;
        }

        var timeDiff = _timeProvider.GetElapsedTime(last, timestamp).TotalMilliseconds;
        var mean = state.History.Mean + _acceptablePauseMs;
        return CalculatePhi(timeDiff, mean, EnsureValidStdDeviation(state.History.StdDeviation));
    }

    private double EnsureValidStdDeviation(double stdDeviation) => Math.Max(stdDeviation, _minStdDeviationMs);

    private HeartbeatHistory FirstHeartbeat(HeartbeatHistory empty)
    {
        var stdDeviation = _firstIntervalMs / 4;
        return empty.Add(_firstIntervalMs - stdDeviation).Add(_firstIntervalMs + stdDeviation);
    }
}
