using System.Globalization;
using System.Text.Json;

namespace Pomelo.Akka.Modules.Console;

/// <summary>
/// A server's answer to the master's <c>{signal: "list"}</c>, in pomelo's shape so pomelo masters and tools read ours
/// and ours reads theirs: <c>{serverId, body: {serverId, serverType, pid, rss, heapTotal, heapUsed, uptime}}</c> with the
/// memory figures in MB and the uptime in minutes as <c>"0.00"</c> strings. Ours add the exact figures
/// (<c>rssBytes</c>, <c>heapUsedBytes</c>, <c>uptimeSeconds</c>), which pomelo's tools ignore.
/// </summary>
public static class ListReply
{
    private const double Mb = 1024 * 1024;

    /// <summary>Builds this node's answer.</summary>
    /// <param name="serverId">The node's server id.</param>
    /// <param name="serverType">The node's server type.</param>
    /// <param name="status">Its process figures.</param>
    /// <returns>The reply body.</returns>
    public static object Create(string serverId, string serverType, NodeStatus status) => new
    {
        serverId,
        body = new
        {
            serverId,
            serverType,
            pid = status.Pid,
            rss = Fixed2(status.Rss / Mb),
            heapTotal = Fixed2(status.HeapTotal / Mb),
            heapUsed = Fixed2(status.HeapUsed / Mb),
            uptime = Fixed2(status.Uptime / 60),
            rssBytes = status.Rss,
            heapUsedBytes = status.HeapUsed,
            uptimeSeconds = status.Uptime,
        },
    };

    /// <summary>Reads a server's answer, ours or pomelo's.</summary>
    /// <param name="reply">The reply body.</param>
    /// <param name="rss">Resident memory in bytes.</param>
    /// <param name="heapUsed">Heap in use in bytes.</param>
    /// <param name="uptime">Uptime in seconds.</param>
    /// <returns>False when the reply has not the shape of a list answer.</returns>
    public static bool TryRead(JsonElement reply, out long rss, out long heapUsed, out double uptime)
    {
        rss = heapUsed = 0;
        uptime = 0;
        if (reply.ValueKind != JsonValueKind.Object || !reply.TryGetProperty("body", out var body) || body.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        if (!TryFigure(body, "rssBytes", "rss", Mb, out var rssValue)
            || !TryFigure(body, "heapUsedBytes", "heapUsed", Mb, out var heapValue)
            || !TryFigure(body, "uptimeSeconds", "uptime", 60, out uptime))
        {
            return false;
        }

        rss = (long)rssValue;
        heapUsed = (long)heapValue;
        return true;
    }

    private static bool TryFigure(JsonElement body, string exact, string scaled, double scale, out double value)
    {
        if (body.TryGetProperty(exact, out var e) && e.ValueKind == JsonValueKind.Number)
        {
            value = e.GetDouble();
            return true;
        }

        if (body.TryGetProperty(scaled, out var s) && TryNumber(s, out var v))
        {
            value = v * scale;
            return true;
        }

        value = 0;
        return false;
    }

    private static bool TryNumber(JsonElement element, out double value)
    {
        value = 0;
        return element.ValueKind switch
        {
            JsonValueKind.Number => element.TryGetDouble(out value),
            JsonValueKind.String => double.TryParse(element.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value),
            _ => false,
        };
    }

    private static string Fixed2(double value) => value.ToString("F2", CultureInfo.InvariantCulture);
}
