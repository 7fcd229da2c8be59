using System.Collections.Immutable;

namespace Pomelo.Akka.Cluster;

/// <summary>A bounded window of heartbeat intervals with running sums, immutable like Akka's.</summary>
internal sealed record HeartbeatHistory(int MaxSampleSize, ImmutableQueue<double> Intervals, int Count, double Sum, double SquaredSum)
{
    public double Mean => Count == 0 ? 0 : Sum / Count;

    public double Variance => Count == 0 ? 0 : Math.Max(0, (SquaredSum / Count) - (Mean * Mean));

    public double StdDeviation => Math.Sqrt(Variance);

    public static HeartbeatHistory Empty(int maxSampleSize) => new(maxSampleSize, ImmutableQueue<double>.Empty, 0, 0, 0);

    public HeartbeatHistory Add(double interval)
    {
        var history = this;
        if (Count >= MaxSampleSize)
        {
            var oldest = Intervals.Peek();
            history = new HeartbeatHistory(MaxSampleSize, Intervals.Dequeue(), Count - 1, Sum - oldest, SquaredSum - (oldest * oldest));
        }

        return new HeartbeatHistory(MaxSampleSize, history.Intervals.Enqueue(interval), history.Count + 1, history.Sum + interval, history.SquaredSum + (interval * interval));
    }
}
