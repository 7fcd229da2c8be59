using System.Collections.Frozen;

namespace Pomelo.Akka.Config;

/// <summary>The HOCON duration and size unit names and their scale (ticks per unit, bytes per unit).</summary>
internal static class HoconUnits
{
    /// <summary>Duration units to TimeSpan ticks. Lower-case <c>m</c> is minutes (size mebibytes use <c>M</c>).</summary>
    public static FrozenDictionary<string, decimal> DurationTicks { get; } = Expand(
        (0.01m, ["ns", "nano", "nanos", "nanosecond", "nanoseconds"]),
        (10m, ["us", "micro", "micros", "microsecond", "microseconds"]),
        (TimeSpan.TicksPerMillisecond, ["ms", "milli", "millis", "millisecond", "milliseconds"]),
        (TimeSpan.TicksPerSecond, ["s", "second", "seconds"]),
        (TimeSpan.TicksPerMinute, ["m", "minute", "minutes"]),
        (TimeSpan.TicksPerHour, ["h", "hour", "hours"]),
        (TimeSpan.TicksPerDay, ["d", "day", "days"]));

    /// <summary>Size units to bytes: SI names (<c>kB</c>, <c>MB</c>, ...) are powers of ten, the others powers of two.</summary>
    public static FrozenDictionary<string, decimal> SizeBytes { get; } = Expand(
        (1m, ["B", "b", "byte", "bytes"]),
        (1e3m, ["kB", "KB", "kilobyte", "kilobytes"]),
        (1e6m, ["MB", "megabyte", "megabytes"]),
        (1e9m, ["GB", "gigabyte", "gigabytes"]),
        (1e12m, ["TB", "terabyte", "terabytes"]),
        (1e15m, ["PB", "petabyte", "petabytes"]),
        (1e18m, ["EB", "exabyte", "exabytes"]),
        (1e21m, ["ZB", "zettabyte", "zettabytes"]),
        (1e24m, ["YB", "yottabyte", "yottabytes"]),
        (Power(1), ["K", "k", "Ki", "KiB", "kibibyte", "kibibytes"]),
        (Power(2), ["M", "Mi", "MiB", "mebibyte", "mebibytes"]),
        (Power(3), ["G", "g", "Gi", "GiB", "gibibyte", "gibibytes"]),
        (Power(4), ["T", "t", "Ti", "TiB", "tebibyte", "tebibytes"]),
        (Power(5), ["P", "p", "Pi", "PiB", "pebibyte", "pebibytes"]),
        (Power(6), ["E", "e", "Ei", "EiB", "exbibyte", "exbibytes"]),
        (Power(7), ["Z", "z", "Zi", "ZiB", "zebibyte", "zebibytes"]),
        (Power(8), ["Y", "y", "Yi", "YiB", "yobibyte", "yobibytes"]));

    private static decimal Power(int exponent)
    {
        var value = 1m;
        for (var i = 0; i < exponent; i++)
        {
            value *= 1024m;
        }

        return value;
    }

    private static FrozenDictionary<string, decimal> Expand(params (decimal Scale, string[] Names)[] units) =>
        units.SelectMany(u => u.Names.Select(n => KeyValuePair.Create(n, u.Scale))).ToFrozenDictionary(StringComparer.Ordinal);
}
