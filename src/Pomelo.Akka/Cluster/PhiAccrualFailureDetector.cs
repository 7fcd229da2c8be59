namespace Pomelo.Akka.Cluster;

/// <summary>
/// The phi-accrual failure detector (Hayashibara et al., as in Akka): phi grows with the time since the last
/// heartbeat relative to the observed distribution of intervals (plus the acceptable pause); above the threshold the
/// peer is considered unavailable. Thread-safe: the state is one immutable snapshot swapped under a lock.
/// </summary>
public sealed class PhiAccrualFailureDetector
{
    private readonly PhiAccrualOptions _options;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private HeartbeatHistory _history;
    private long? _last;

    /// <summary>Initializes a detector.</summary>
    /// <param name="options">Its settings.</param>
    /// <param name="timeProvider">The clock heartbeats are stamped with.</param>
    public PhiAccrualFailureDetector(PhiAccrualOptions options, TimeProvider timeProvider)
    {
        options.Validate();
        _options = options;
        _time = timeProvider;
        _history = HeartbeatHistory.Empty(options.MaxSampleSize);
    }

    /// <summary>Gets whether a heartbeat has been seen.</summary>
    public bool IsMonitoring
    {
        get
        {
            lock (_gate)
            {
                return _last is not null;
            }
        }
    }

    /// <summary>Gets phi now (0 before the first heartbeat).</summary>
    public double Phi
    {
        get
        {
            lock (_gate)
            {
                return _last is { } last ? PhiOf(_time.GetElapsedTime(last).TotalMilliseconds) : 0;
            }
        }
    }

    /// <summary>Gets whether phi is below the threshold (true before the first heartbeat).</summary>
    public bool IsAvailable => Phi < _options.Threshold;

    /// <summary>Gets the time since the last heartbeat (zero before the first).</summary>
    public TimeSpan SinceLastHeartbeat
    {
        get
        {
            lock (_gate)
            {
                return _last is { } last ? _time.GetElapsedTime(last) : TimeSpan.Zero;
            }
        }
    }

    /// <summary>Gets the mean of the remembered intervals in milliseconds (for tests and diagnostics).</summary>
    internal double MeanMs
    {
        get
        {
            lock (_gate)
            {
                return _history.Mean;
            }
        }
    }

    /// <summary>Gets the standard deviation of the remembered intervals in milliseconds.</summary>
    internal double StdDeviationMs
    {
        get
        {
            lock (_gate)
            {
                return _history.StdDeviation;
            }
        }
    }

    /// <summary>Records a heartbeat arriving now.</summary>
    public void Heartbeat()
    {
        var now = _time.GetTimestamp();
        lock (_gate)
        {
            if (_last is { } last)
            {
                _history = _history.Add(_time.GetElapsedTime(last, now).TotalMilliseconds);
            }
            else
            {
                var mean = _options.HeartbeatInterval.TotalMilliseconds;
                var std = mean / 4;
                _history = HeartbeatHistory.Empty(_options.MaxSampleSize).Add(mean - std).Add(mean + std);
            }

            _last = now;
        }
    }

    /// <summary>Forgets every heartbeat, as for a new peer.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _history = HeartbeatHistory.Empty(_options.MaxSampleSize);
            _last = null;
        }
    }

    private double PhiOf(double sinceLastMs)
    {
        var mean = _history.Mean + _options.AcceptableHeartbeatPause.TotalMilliseconds;
        var std = Math.Max(_history.StdDeviation, _options.MinStdDeviation.TotalMilliseconds);
        var y = (sinceLastMs - mean) / std;
        var e = Math.Exp(-y * (1.5976 + (0.070566 * y * y)));
        return sinceLastMs > mean ? -Math.Log10(e / (1.0 + e)) : -Math.Log10(1.0 - (1.0 / (1.0 + e)));
    }
}
