namespace Pomelo.Akka.Cluster;

/// <summary>
/// A bounded window of heartbeat inter-arrival intervals (in milliseconds) with their running sum and sum of squares,
/// as Akka's <c>HeartbeatHistory</c>: once <see cref="MaxSampleSize"/> are held, adding drops the oldest.
/// </summary>
/// <remarks>
/// <para>
/// Unlike Akka's immutable history (one queue node per sample, a new history per heartbeat), this one is a mutable
/// ring that grows by doubling up to <see cref="MaxSampleSize"/>, with no allocation per heartbeat once grown. Each
/// interval is kept in whole milliseconds, as Akka records it (its clock reads milliseconds), in 2 bytes while every
/// interval held fits (under 65.5 s; a history that meets a longer one switches to 4 bytes a sample), so a member's
/// 1,000-sample window costs 2 KB (was 4 KB as floats, ~32 KB as Akka's queue). The sums add and later subtract
/// exactly the stored whole value, so they always match the samples held.
/// </para>
/// <para>Not thread-safe: the owner (<see cref="PhiAccrualFailureDetector"/>) serialises access.</para>
/// </remarks>
internal sealed class HeartbeatHistory
{
    private const int InitialCapacity = 8;

    // The samples in whole milliseconds; _wide replaces _narrow for good once a sample does not fit in 16 bits.
    private ushort[] _narrow;
    private int[]? _wide;
    private int _oldest;

    private HeartbeatHistory(int maxSampleSize)
    {
        MaxSampleSize = maxSampleSize;
        _narrow = [];
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
    internal int Capacity => _wide?.Length ?? _narrow.Length;

    /// <summary>The bytes each sample takes: 2, or 4 once an interval of 65,536 ms or more was held (for tests).</summary>
    internal int BytesPerSample => _wide is null ? sizeof(ushort) : sizeof(int);

    /// <summary>The intervals held, oldest first, in milliseconds (a copy).</summary>
    public IReadOnlyList<double> Intervals
    {
        get
        {
            var intervals = new double[Count];
            for (var i = 0; i < Count; i++)
            {
                intervals[i] = At((_oldest + i) % Capacity);
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

    /// <summary>
    /// Appends <paramref name="interval"/>, rounded to whole milliseconds (negative as 0), dropping the oldest
    /// interval when the window is full.
    /// </summary>
    /// <param name="interval">The new interval in milliseconds.</param>
    /// <returns>This history, for chaining.</returns>
    public HeartbeatHistory Add(double interval)
    {
        var sample = (int)Math.Clamp(Math.Round(interval, MidpointRounding.AwayFromZero), 0, int.MaxValue);
        if (sample > ushort.MaxValue && _wide is null)
        {
            Widen();
        }

        double value = sample;
        if (Count == MaxSampleSize)
        {
            double oldest = At(_oldest);
            IntervalSum -= oldest;
            SquaredIntervalSum -= oldest * oldest;
            Set(_oldest, sample);
            _oldest = (_oldest + 1) % Capacity;
        }
        else
        {
            if (Count == Capacity)
            {
                Grow();
            }

            Set((_oldest + Count) % Capacity, sample);
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
            _narrow = (ushort[])_narrow.Clone(),
            _wide = (int[]?)_wide?.Clone(),
            _oldest = _oldest,
            Count = Count,
            IntervalSum = IntervalSum,
            SquaredIntervalSum = SquaredIntervalSum,
        };
        return copy;
    }

    private int At(int index) => _wide is { } wide ? wide[index] : _narrow[index];

    private void Set(int index, int sample)
    {
        if (_wide is { } wide)
        {
            wide[index] = sample;
        }
        else
        {
            _narrow[index] = (ushort)sample;
        }
    }

    /// <summary>Doubles the ring (at least <see cref="InitialCapacity"/>, at most the window), oldest sample first.</summary>
    private void Grow()
    {
        var capacity = Math.Min(MaxSampleSize, Math.Max(InitialCapacity, Capacity * 2));
        if (_wide is not null)
        {
            var grown = new int[capacity];
            CopyInOrder(grown);
            _wide = grown;
        }
        else
        {
            var grown = new ushort[capacity];
            for (var i = 0; i < Count; i++)
            {
                grown[i] = _narrow[(_oldest + i) % _narrow.Length];
            }

            _narrow = grown;
        }

        _oldest = 0;
    }

    /// <summary>Moves the samples to 4-byte storage of the same capacity, for an interval that 2 bytes cannot hold.</summary>
    private void Widen()
    {
        var wide = new int[_narrow.Length];
        CopyInOrder(wide);
        _wide = wide;
        _narrow = [];
        _oldest = 0;
    }

    private void CopyInOrder(int[] destination)
    {
        for (var i = 0; i < Count; i++)
        {
            destination[i] = At((_oldest + i) % Capacity);
        }
    }
}
