using System.Runtime.InteropServices;
using System.Text.Json;

namespace Pomelo.Akka.Cluster;

/// <summary>
/// A server in a node's server map, as the watchdog reports it. Immutable: entries for the same server info are
/// shared by every map of a process (<see cref="ServerEntryInterner"/>). The info is kept as its UTF-8 JSON only (a
/// few hundred bytes a server, where a document per entry cost about three times that) and parsed the first time
/// <see cref="Info"/> is read.
/// </summary>
public sealed class ServerEntry
{
    private readonly byte[] _infoUtf8;
    private JsonDocument? _info;

    /// <summary>Initializes an entry; the info is copied.</summary>
    /// <param name="id">Its server id.</param>
    /// <param name="serverType">Its server type.</param>
    /// <param name="host">Its host, if known.</param>
    /// <param name="port">Its port, if known.</param>
    /// <param name="incarnation">Its incarnation (0 from pomelo masters, which have none).</param>
    /// <param name="info">Its full server info.</param>
    public ServerEntry(string id, string serverType, string? host, int? port, long incarnation, JsonElement info)
        : this(id, serverType, host, port, incarnation, info.ValueKind == JsonValueKind.Undefined ? [] : JsonMarshal.GetRawUtf8Value(info).ToArray())
    {
    }

    internal ServerEntry(string id, string serverType, string? host, int? port, long incarnation, byte[] infoUtf8)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(serverType);
        Id = id;
        ServerType = serverType;
        Host = host;
        Port = port;
        Incarnation = incarnation;
        _infoUtf8 = infoUtf8;
    }

    /// <summary>Gets its server id.</summary>
    public string Id { get; }

    /// <summary>Gets its server type.</summary>
    public string ServerType { get; }

    /// <summary>Gets its host, if known.</summary>
    public string? Host { get; }

    /// <summary>Gets its port, if known.</summary>
    public int? Port { get; }

    /// <summary>Gets its incarnation (0 from pomelo masters, which have none).</summary>
    public long Incarnation { get; }

    /// <summary>Gets its full server info (parsed on first read, then kept).</summary>
    public JsonElement Info
    {
        get
        {
            return _infoUtf8.Length == 0 ? default : InfoDocument.Get(_infoUtf8, ref _info);
        }
    }

    /// <summary>Gets the info's UTF-8 JSON.</summary>
    internal ReadOnlySpan<byte> InfoUtf8 => _infoUtf8;

    /// <summary>Reads an entry from a server info object (<c>{id, serverType, host, port, incarnation, ...}</c>).</summary>
    /// <param name="info">The info object; its bytes are copied.</param>
    /// <param name="fallbackId">The id to use when the info has none (a map key).</param>
    /// <returns>The entry, or null when the info is not an object or has no id.</returns>
    public static ServerEntry? FromInfo(JsonElement info, string? fallbackId = null)
        => info.ValueKind == JsonValueKind.Object ? ServerInfoReader.Read(JsonMarshal.GetRawUtf8Value(info), fallbackId, intern: null) : null;

    /// <inheritdoc />
    public override string ToString() => $"{Id} ({ServerType} {Host}:{Port}, incarnation {Incarnation})";
}
