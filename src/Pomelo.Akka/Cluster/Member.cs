using System.Net;
using System.Text.Json;

namespace Pomelo.Akka.Cluster;

/// <summary>A member of the cluster: the master's own monitor or a registered server.</summary>
/// <param name="Id">Its server id.</param>
/// <param name="ServerType">Its server type.</param>
/// <param name="Pid">Its process id, as it reported.</param>
/// <param name="Info">Its server info (host, port and any extra configured fields).</param>
/// <param name="Incarnation">A number new (and larger) on every registration of this id.</param>
/// <param name="Status">Its state.</param>
/// <param name="RemoteAddress">The address its monitor connected from.</param>
/// <param name="Since">When it entered <paramref name="Status"/>.</param>
public sealed record Member(string Id, string ServerType, long? Pid, JsonElement? Info, long Incarnation, MemberStatus Status, IPAddress RemoteAddress, DateTimeOffset Since)
{
    /// <summary>Gets the host from <see cref="Info"/>, if present.</summary>
    public string? Host => Info is { ValueKind: JsonValueKind.Object } i && i.TryGetProperty("host", out var h) && h.ValueKind == JsonValueKind.String ? h.GetString() : null;

    /// <summary>Gets the port from <see cref="Info"/>, if present.</summary>
    public int? Port => Info is { ValueKind: JsonValueKind.Object } i && i.TryGetProperty("port", out var p) && p.TryGetInt32(out var port) ? port : null;
}
