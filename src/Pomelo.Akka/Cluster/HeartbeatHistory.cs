using System.Collections.Immutable;

namespace Pomelo.Akka.Cluster;

/// <summary>
/// An immutable, bounded window of heartbeat inter-arrival intervals (in milliseconds) with their running sum and
/// sum of squares, as Akka's <c>HeartbeatHistory</c>. Adding returns a new history; the oldest interval is dropped
/// once <see cref="MaxSampleSize"/> are held.
/// </summary>
internal sealed class HeartbeatHistory
{
    private readonly ImmutableQueue<double> _intervals;

    private HeartbeatHistory(int maxSampleSize, ImmutableQueue<double> intervals, int count, double sum, double squaredSum)
    {
        MaxSampleSize = maxSampleSize;
        _intervals = intervals;
        Count = count;
        IntervalSum = sum;
        SquaredIntervalSum = squaredSum;
    }

    /// <summary>The most intervals kept.</summary>
    public int MaxSampleSize { get; }

    /// <summary>The number of intervals held.</summary>
    public int Count { get; }

    /// <summary>The sum of the intervals held, in milliseconds.</summary>
    public double IntervalSum { get; }

    /// <summary>The sum of the squares of the intervals held, in square milliseconds.</summary>
    public double SquaredIntervalSum { get; }

    /// <summary>The mean interval in milliseconds (NaN when empty).</summary>
    public double Mean => IntervalSum / Count;

    /// <summary>The population variance of the intervals, never negative despite rounding.</summary>
    public double Variance => Math.Max(0.0, (SquaredIntervalSum / Count) - (Mean * Mean));

    /// <summary>The population standard deviation of the intervals, in milliseconds.</summary>
    public double StdDeviation => Math.Sqrt(Variance);

    /// <summary>The intervals held, oldest first, in milliseconds.</summary>
    public IEnumerable<double> Intervals => _intervals;

    /// <summary>An empty history that keeps at most <paramref name="maxSampleSize"/> intervals.</summary>
    /// <param name="maxSampleSize">The window size; positive.</param>
    /// <returns>The empty history.</returns>
    public static HeartbeatHistory Empty(int maxSampleSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSampleSize, 1);
        return new HeartbeatHistory(maxSampleSize, ImmutableQueue<double>.Empty, 0, 0.0, 0.0);
    }

    /// <summary>Returns a history with <paramref name="interval"/> appended, dropping the oldest if full.</summary>
    /// <param name="interval">The new interval in milliseconds.</param>
    /// <returns>The new history.</returns>
    public HeartbeatHistory Add(double interval)
    {
        var history = this;
        while (history.Count >= MaxSampleSize)
        {
            history = history.DropOldest();
        }

        return new HeartbeatHistory(
            MaxSampleSize,
            history._intervals.Enqueue(interval),
            history.Count + 1,
            history.IntervalSum + interval,
            history.SquaredIntervalSum + (interval * interval));
    }

    private HeartbeatHistory DropOldest()
    {
        var rest = _intervals.Dequeue(out var oldest);
        return new HeartbeatHistory(
            MaxSampleSize,
            rest,
            Count - 1,
            IntervalSum - oldest,
            SquaredIntervalSum - (oldest * oldest));
    }
}
