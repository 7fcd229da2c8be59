namespace Pomelo.Akka.Cluster;

/// <summary>
/// A bounded window of heartbeat inter-arrival intervals (in milliseconds) with their running sum and sum of squares,
/// as Akka's <c>HeartbeatHistory</c>: once <see cref="MaxSampleSize"/> are held, adding drops the oldest.
/// </summary>
/// <remarks>
/// <para>
/// Unlike Akka's immutable history (one queue node per sample, a new history per heartbeat), this one is a mutable
/// ring of <see cref="float"/>s that grows by doubling up to <see cref="MaxSampleSize"/>: 4 bytes a sample and no
/// allocation per heartbeat once grown, so a member's 1,000-sample window costs 4 KB instead of ~32 KB. Each interval
/// is rounded to a float once (a relative error below 6e-8, well under a microsecond for any heartbeat interval) and
/// the sums add and later subtract exactly that rounded value, so they always match the samples held.
/// </para>
/// <para>Not thread-safe: the owner (<see cref="PhiAccrualFailureDetector"/>) serialises access.</para>
/// </remarks>
internal sealed class HeartbeatHistory
{
    private const int InitialCapacity = 8;

    private float[] _ring;
    private int _oldest;

    private HeartbeatHistory(int maxSampleSize)
    {
        MaxSampleSize = maxSampleSize;
        _ring = [];
    }

    /// <summary>The most intervals kept.</summary>
    public int MaxSampleSize { get; }

    /// <summary>The number of intervals held.</summary>
    public int Count { get; private set; }

    /// <summary>The sum of the intervals held, in milliseconds.</summary>
    public double IntervalSum { get; private set; }

    /// <summary>The sum of the squares of the intervals held, in square milliseconds.</summary>
    public double SquaredIntervalSum { get; private set; }

    /// <summary>The mean interval in milliseconds (NaN when empty).</summary>
    public double Mean => IntervalSum / Count;

    /// <summary>The population variance of the intervals, never negative despite rounding.</summary>
    public double Variance => Math.Max(0.0, (SquaredIntervalSum / Count) - (Mean * Mean));

    /// <summary>The population standard deviation of the intervals, in milliseconds.</summary>
    public double StdDeviation => Math.Sqrt(Variance);

    /// <summary>The number of samples the ring can hold before it grows (for tests and diagnostics).</summary>
    internal int Capacity => _ring.Length;

    /// <summary>The intervals held, oldest first, in milliseconds (a copy).</summary>
    public IReadOnlyList<double> Intervals
    {
        get
        {
            var intervals = new double[Count];
            for (var i = 0; i < Count; i++)
            {
                intervals[i] = _ring[(_oldest + i) % _ring.Length];
            }

            return intervals;
        }
    }

    /// <summary>An empty history that keeps at most <paramref name="maxSampleSize"/> intervals.</summary>
    /// <param name="maxSampleSize">The window size; positive.</param>
    /// <returns>The empty history.</returns>
    public static HeartbeatHistory Empty(int maxSampleSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSampleSize, 1);
        return new HeartbeatHistory(maxSampleSize);
    }

    /// <summary>Appends <paramref name="interval"/>, dropping the oldest interval when the window is full.</summary>
    /// <param name="interval">The new interval in milliseconds.</param>
    /// <returns>This history, for chaining.</returns>
    public HeartbeatHistory Add(double interval)
    {
        var sample = (float)interval;
        double value = sample;
        if (Count == MaxSampleSize)
        {
            double oldest = _ring[_oldest];
            IntervalSum -= oldest;
            SquaredIntervalSum -= oldest * oldest;
            _ring[_oldest] = sample;
            _oldest = (_oldest + 1) % _ring.Length;
        }
        else
        {
            if (Count == _ring.Length)
            {
                Grow();
            }

            _ring[(_oldest + Count) % _ring.Length] = sample;
            Count++;
        }

        IntervalSum += value;
        SquaredIntervalSum += value * value;
        return this;
    }

    /// <summary>Forgets every interval; the ring's storage is kept for reuse.</summary>
    public void Clear()
    {
        _oldest = 0;
        Count = 0;
        IntervalSum = 0.0;
        SquaredIntervalSum = 0.0;
    }

    /// <summary>Returns an independent copy of this history.</summary>
    /// <returns>The copy.</returns>
    public HeartbeatHistory Clone()
    {
        var copy = new HeartbeatHistory(MaxSampleSize)
        {
            _ring = (float[])_ring.Clone(),
            _oldest = _oldest,
            Count = Count,
            IntervalSum = IntervalSum,
            SquaredIntervalSum = SquaredIntervalSum,
        };
        return copy;
    }

    private void Grow()
    {
        var grown = new float[Math.Min(MaxSampleSize, Math.Max(InitialCapacity, _ring.Length * 2))];
        for (var i = 0; i < Count; i++)
        {
            grown[i] = _ring[(_oldest + i) % _ring.Length];
        }

        _ring = grown;
        _oldest = 0;
    }
}
