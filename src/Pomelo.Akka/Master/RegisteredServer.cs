using System.Net;
using System.Text.Json;

namespace Pomelo.Akka.Master;

/// <summary>A server registered with the master.</summary>
/// <param name="Id">Its server id.</param>
/// <param name="ServerType">Its server type.</param>
/// <param name="Pid">Its process id, as it reported.</param>
/// <param name="Info">Its server info (host, port, extra configured fields).</param>
/// <param name="Incarnation">A number new on every registration of this id.</param>
/// <param name="RemoteAddress">The address it connected from.</param>
/// <param name="RegisteredAt">When it registered.</param>
public sealed record RegisteredServer(string Id, string ServerType, long? Pid, JsonElement? Info, long Incarnation, IPAddress RemoteAddress, DateTimeOffset RegisteredAt)
{
    /// <summary>Gets the host from <see cref="Info"/>, if present.</summary>
    public string? Host => Info is { ValueKind: JsonValueKind.Object } i && i.TryGetProperty("host", out var h) && h.ValueKind == JsonValueKind.String ? h.GetString() : null;

    /// <summary>Gets the port from <see cref="Info"/>, if present.</summary>
    public int? Port => Info is { ValueKind: JsonValueKind.Object } i && i.TryGetProperty("port", out var p) && p.TryGetInt32(out var port) ? port : null;
}
