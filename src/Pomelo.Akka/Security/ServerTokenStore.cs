using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Pomelo.Akka.Security;

/// <summary>
/// The tokens monitor servers present when registering with the master (pomelo's <c>adminServer.json</c>).
/// Immutable and thread-safe. A server type may have several tokens (e.g. during a rotation); any of them is accepted.
/// </summary>
public sealed class ServerTokenStore
{
    private const string FileDescription = "admin server file";

    private readonly ServerToken[] _entries;
    private readonly byte[][] _typeDigests;
    private readonly byte[][] _tokenDigests;

    /// <summary>Creates a store that accepts exactly the listed (server type, token) pairs.</summary>
    /// <param name="entries">The entries; each needs a non-empty server type and token.</param>
    /// <exception cref="ArgumentException">An entry lacks a server type or token.</exception>
    public ServerTokenStore(IEnumerable<ServerToken> entries)
        : this(ServerTokenMode.Tokens, entries)
    {
    }

    private ServerTokenStore(ServerTokenMode mode, IEnumerable<ServerToken> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _entries = entries.ToArray();
        foreach (var entry in _entries)
        {
            ArgumentNullException.ThrowIfNull(entry, nameof(entries));
            if (string.IsNullOrEmpty(entry.ServerType) || string.IsNullOrEmpty(entry.Token))
            {
                throw new ArgumentException("Every server token entry needs a non-empty server type and token.", nameof(entries));
            }
        }

        Mode = mode;
        _typeDigests = _entries.Select(e => Digest(e.ServerType)).ToArray();
        _tokenDigests = _entries.Select(e => Digest(e.Token)).ToArray();
    }

    /// <summary>A store that rejects every server: the default when no admin server file is configured.</summary>
    public static ServerTokenStore Closed { get; } = new(ServerTokenMode.Closed, []);

    /// <summary>A store that accepts every server without a token; use only when explicitly configured.</summary>
    public static ServerTokenStore Open { get; } = new(ServerTokenMode.Open, []);

    /// <summary>How this store decides.</summary>
    public ServerTokenMode Mode { get; }

    /// <summary>The configured entries, in file order; empty for <see cref="Closed"/> and <see cref="Open"/>.</summary>
    public IReadOnlyList<ServerToken> Entries => _entries;

    /// <summary>Loads a pomelo <c>adminServer.json</c> file.</summary>
    /// <param name="path">The file path, absolute or relative to the current directory.</param>
    /// <returns>The store, in <see cref="ServerTokenMode.Tokens"/> mode.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist; the message names the path.</exception>
    /// <exception cref="InvalidDataException">The file is malformed; the message names the path and the problem.</exception>
    public static ServerTokenStore Load(string path) => AdminAuthFileReader.Load(path, FileDescription, Parse);

    /// <summary>
    /// Parses the JSON of a pomelo <c>adminServer.json</c> file: an array of <c>{ "type", "token" }</c>.
    /// Extra fields are ignored; an empty array yields a store that rejects every server.
    /// </summary>
    /// <param name="json">The file content.</param>
    /// <returns>The store, in <see cref="ServerTokenMode.Tokens"/> mode.</returns>
    /// <exception cref="JsonException">The text is not valid JSON.</exception>
    /// <exception cref="InvalidDataException">An entry lacks a type or token.</exception>
    public static ServerTokenStore Parse(string json) =>
        new(AdminAuthFileReader.ParseArray(json, ReadEntry));

    /// <summary>
    /// Checks a monitor's registration. In <see cref="ServerTokenMode.Tokens"/> mode every entry is compared in
    /// constant time (digests of type and token), so neither which types exist nor how much of a token matched leaks.
    /// </summary>
    /// <param name="serverType">The server type the monitor claims.</param>
    /// <param name="token">The token the monitor sent.</param>
    /// <returns>True when the server may register.</returns>
    public bool Verify(string? serverType, string? token)
    {
        if (Mode != ServerTokenMode.Tokens)
        {
            return Mode == ServerTokenMode.Open;
        }

        if (string.IsNullOrEmpty(serverType) || string.IsNullOrEmpty(token))
        {
            return false;
        }

        var typeDigest = Digest(serverType);
        var tokenDigest = Digest(token);
        var accepted = false;
        for (var i = 0; i < _entries.Length; i++)
        {
            var typeMatches = CryptographicOperations.FixedTimeEquals(typeDigest, _typeDigests[i]);
            var tokenMatches = CryptographicOperations.FixedTimeEquals(tokenDigest, _tokenDigests[i]);
            accepted |= typeMatches & tokenMatches;
        }

        return accepted;
    }

    /// <summary>
    /// The token a monitor of <paramref name="serverType"/> should send when registering (like pomelo's
    /// defaultAuthServerMonitor): the first configured one, or <see langword="null"/> when there is none.
    /// </summary>
    /// <param name="serverType">The monitor's own server type.</param>
    /// <returns>The token, or null.</returns>
    public string? TokenFor(string serverType)
    {
        ArgumentNullException.ThrowIfNull(serverType);
        return _entries.FirstOrDefault(e => string.Equals(e.ServerType, serverType, StringComparison.Ordinal))?.Token;
    }

    private static byte[] Digest(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));

    private static ServerToken ReadEntry(JsonElement entry, int index) => new(
        AdminAuthFileReader.RequiredString(entry, index, "type"),
        AdminAuthFileReader.RequiredString(entry, index, "token"));
}
