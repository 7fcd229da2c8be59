using System.Globalization;
using System.Text.RegularExpressions;

namespace Pomelo.Akka.Config;

/// <summary>
/// Rewrites unquoted scalars into forms the configuration binder understands: durations become TimeSpan invariant
/// <c>"c"</c> strings, sizes become byte counts, and <c>on</c>/<c>yes</c>/<c>off</c>/<c>no</c> become booleans.
/// Anything else (including bare numbers) is returned unchanged.
/// </summary>
internal static partial class HoconScalarNormalizer
{
    /// <summary>Normalises one unquoted scalar.</summary>
    public static string Normalize(string text)
    {
        switch (text)
        {
            case "on" or "yes":
                return "true";
            case "off" or "no":
                return "false";
        }

        var match = NumberWithUnit().Match(text);
        if (!match.Success || !decimal.TryParse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return text;
        }

        var unit = match.Groups[2].Value;
        if (HoconUnits.DurationTicks.TryGetValue(unit, out var ticksPerUnit))
        {
            return TryDuration(number, ticksPerUnit) ?? text;
        }

        if (HoconUnits.SizeBytes.TryGetValue(unit, out var bytesPerUnit))
        {
            return TrySize(number, bytesPerUnit) ?? text;
        }

        return text;
    }

    private static string? TryDuration(decimal number, decimal ticksPerUnit)
    {
        if (Math.Abs(number) > decimal.MaxValue / Math.Max(ticksPerUnit, 1m))
        {
            return null;
        }

        var ticks = decimal.Truncate(number * ticksPerUnit);
        return ticks is < long.MinValue or > long.MaxValue
            ? null
            : TimeSpan.FromTicks((long)ticks).ToString("c", CultureInfo.InvariantCulture);
    }

    private static string? TrySize(decimal number, decimal bytesPerUnit)
    {
        if (number < 0 || number > decimal.MaxValue / bytesPerUnit)
        {
            return null;
        }

        var bytes = number * bytesPerUnit;
        return bytes != decimal.Truncate(bytes) || bytes > long.MaxValue
            ? null
            : ((long)bytes).ToString(CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))[ \t]*([A-Za-z]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberWithUnit();
}
