using System.Runtime.InteropServices;
using System.Text.Json;

namespace Pomelo.Akka.Cluster;

/// <summary>A server in a node's server map, as the watchdog reports it.</summary>
/// <param name="Id">Its server id.</param>
/// <param name="ServerType">Its server type.</param>
/// <param name="Host">Its host, if known.</param>
/// <param name="Port">Its port, if known.</param>
/// <param name="Incarnation">Its incarnation (0 from pomelo masters, which have none).</param>
/// <param name="Info">Its full server info.</param>
public sealed record ServerEntry(string Id, string ServerType, string? Host, int? Port, long Incarnation, JsonElement Info)
{
    /// <summary>Reads an entry from a server info object (<c>{id, serverType, host, port, incarnation, ...}</c>).</summary>
    /// <param name="info">The info object.</param>
    /// <param name="fallbackId">The id to use when the info has none (a map key).</param>
    /// <returns>The entry, or null when the info has no id.</returns>
    public static ServerEntry? FromInfo(JsonElement info, string? fallbackId = null)
    {
        if (info.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var id = Text(info, "id") ?? fallbackId;
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }

        int? port = info.TryGetProperty("port", out var p) && p.TryGetInt32(out var n) ? n : null;
        long incarnation = info.TryGetProperty("incarnation", out var inc) && inc.TryGetInt64(out var i) ? i : 0;
        return new ServerEntry(id, Text(info, "serverType") ?? string.Empty, Text(info, "host"), port, incarnation, Detach(info));
    }

    /// <summary>
    /// A standalone copy of just this element. <see cref="JsonElement.Clone"/> is not enough: on an element of a
    /// document that is itself a clone (every message body is) it returns the same document, so one entry would keep a
    /// whole map's reply (hundreds of KB at 2,000 servers) alive.
    /// </summary>
    private static JsonElement Detach(JsonElement info)
    {
        var reader = new Utf8JsonReader(JsonMarshal.GetRawUtf8Value(info));
        return JsonElement.ParseValue(ref reader);
    }

    private static string? Text(JsonElement info, string name)
        => info.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
