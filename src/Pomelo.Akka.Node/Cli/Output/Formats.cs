using System.Globalization;

namespace Pomelo.Akka.Node.Cli.Output;

/// <summary>How numbers from replies are shown to people.</summary>
internal static class Formats
{
    private const double BytesPerMegabyte = 1024 * 1024;

    /// <summary>Formats bytes as megabytes with one decimal.</summary>
    /// <param name="bytes">The bytes, or null.</param>
    /// <returns>The text, <c>-</c> when unknown.</returns>
    public static string Megabytes(double? bytes)
        => bytes is { } b ? (b / BytesPerMegabyte).ToString("0.0", CultureInfo.InvariantCulture) : "-";

    /// <summary>Formats seconds as <c>[Nd ]hh:mm:ss</c>.</summary>
    /// <param name="seconds">The seconds, or null.</param>
    /// <returns>The text, <c>-</c> when unknown.</returns>
    public static string Uptime(double? seconds)
    {
        if (seconds is not { } s || s < 0 || double.IsNaN(s) || s > TimeSpan.MaxValue.TotalSeconds)
        {
            return "-";
        }

        var span = TimeSpan.FromSeconds(Math.Floor(s));
        var clock = span.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);
        return span.Days > 0 ? span.Days.ToString(CultureInfo.InvariantCulture) + "d " + clock : clock;
    }

    /// <summary>Formats Unix milliseconds as an ISO 8601 time in the given zone, e.g. <c>2026-11-21T17:51:46.199+01:00</c>.</summary>
    /// <param name="unixMilliseconds">The instant.</param>
    /// <param name="zone">The zone to show it in.</param>
    /// <returns>The text.</returns>
    public static string LocalTime(long unixMilliseconds, TimeZoneInfo zone)
    {
        var instant = DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds);
        return TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
    }
}
