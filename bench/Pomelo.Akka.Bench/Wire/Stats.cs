using System.Globalization;
using System.Text.Json.Nodes;

namespace Pomelo.Akka.Bench.Wire;

/// <summary>Latency percentiles from nanosecond samples (nearest rank), reported in microseconds.</summary>
public static class Stats
{
    public static double Percentile(long[] sortedNs, int count, double p)
    {
        if (count == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p / 100.0 * count) - 1;
        return sortedNs[Math.Clamp(rank, 0, count - 1)] / 1000.0;
    }

    /// <summary>Sorts the first <paramref name="count"/> samples in place and summarises them.</summary>
    public static JsonObject Latency(long[] samplesNs, int count)
    {
        Array.Sort(samplesNs, 0, count);
        double sum = 0;
        for (var i = 0; i < count; i++)
        {
            sum += samplesNs[i];
        }

        return new JsonObject
        {
            ["n"] = count,
            ["p50Us"] = Round(Percentile(samplesNs, count, 50)),
            ["p90Us"] = Round(Percentile(samplesNs, count, 90)),
            ["p99Us"] = Round(Percentile(samplesNs, count, 99)),
            ["maxUs"] = count == 0 ? null : Round(samplesNs[count - 1] / 1000.0),
            ["meanUs"] = count == 0 ? null : Round(sum / count / 1000.0),
        };
    }

    public static double Round(double v) => Math.Round(v, 2);

    /// <summary>A latency figure in microseconds (as <see cref="Latency"/> reports them) written in milliseconds, or "?".</summary>
    public static string Ms(JsonNode? us) => us is null ? "?" : (us.GetValue<double>() / 1000.0).ToString("0.00", CultureInfo.InvariantCulture);

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).OrderBy(v => v).ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
