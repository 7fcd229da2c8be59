using System.Net;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Pomelo.Akka.Cluster;

/// <summary>A member of the cluster: the master's own monitor or a registered server.</summary>
/// <remarks>
/// The master keeps one per server for as long as the server is known, so the info is kept compact: its UTF-8 JSON,
/// parsed the first time <see cref="Info"/> is read (a document per member cost about twice the bytes); host and port
/// are read once, when the member is made. Copies made with <c>with</c> share the info.
/// </remarks>
public sealed record Member
{
    private readonly MemberInfo _info;

    /// <summary>Initializes a member; the info is copied.</summary>
    /// <param name="id">Its server id.</param>
    /// <param name="serverType">Its server type.</param>
    /// <param name="pid">Its process id, as it reported.</param>
    /// <param name="info">Its server info (host, port and any extra configured fields).</param>
    /// <param name="incarnation">A number new (and larger) on every registration of this id.</param>
    /// <param name="status">Its state.</param>
    /// <param name="remoteAddress">The address its monitor connected from.</param>
    /// <param name="since">When it entered <paramref name="status"/>.</param>
    public Member(string id, string serverType, long? pid, JsonElement? info, long incarnation, MemberStatus status, IPAddress remoteAddress, DateTimeOffset since)
    {
        Id = id;
        ServerType = serverType;
        Pid = pid;
        Incarnation = incarnation;
        Status = status;
        RemoteAddress = remoteAddress;
        Since = since;
        _info = MemberInfo.From(info);
    }

    /// <summary>Gets its server id.</summary>
    public string Id { get; init; }

    /// <summary>Gets its server type.</summary>
    public string ServerType { get; init; }

    /// <summary>Gets its process id, as it reported.</summary>
    public long? Pid { get; init; }

    /// <summary>Gets its server info (host, port and any extra configured fields).</summary>
    public JsonElement? Info => _info.Element;

    /// <summary>Gets a number new (and larger) on every registration of this id.</summary>
    public long Incarnation { get; init; }

    /// <summary>Gets its state.</summary>
    public MemberStatus Status { get; init; }

    /// <summary>Gets the address its monitor connected from.</summary>
    public IPAddress RemoteAddress { get; init; }

    /// <summary>Gets when it entered <see cref="Status"/>.</summary>
    public DateTimeOffset Since { get; init; }

    /// <summary>Gets the host from <see cref="Info"/>, if present.</summary>
    public string? Host => _info.Host;

    /// <summary>Gets the port from <see cref="Info"/>, if present.</summary>
    public int? Port => _info.Port;

    /// <summary>Gets the info's UTF-8 JSON (empty when it has none), without parsing it.</summary>
    internal ReadOnlySpan<byte> InfoUtf8 => _info.Utf8;

    /// <summary>A member's info: its bytes, what is read from them at once, and the document once someone asks for it.</summary>
    private sealed class MemberInfo
    {
        private static readonly MemberInfo None = new(null);

        private readonly byte[]? _utf8;
        private JsonDocument? _document;

        private MemberInfo(byte[]? utf8)
        {
            _utf8 = utf8;
            if (ServerInfoReader.ReadFields(utf8, intern: null) is { } fields)
            {
                Host = fields.Host;
                Port = fields.Port;
            }
        }

        public string? Host { get; }

        public int? Port { get; }

        public ReadOnlySpan<byte> Utf8 => _utf8;

        public JsonElement? Element => _utf8 is null ? null : InfoDocument.Get(_utf8, ref _document);

        public static MemberInfo From(JsonElement? info)
            => info is { ValueKind: not JsonValueKind.Undefined } element ? new MemberInfo(JsonMarshal.GetRawUtf8Value(element).ToArray()) : None;
    }
}
