using System.Collections.Concurrent;
using System.Net;

namespace Pomelo.Akka.Modules.Console;

/// <summary>
/// The addresses a frontend server must refuse, filled by the console's <c>blacklist</c> command. The application's
/// connector checks <see cref="Contains"/> on each new client connection.
/// </summary>
public sealed class ServerBlacklist
{
    private readonly ConcurrentDictionary<IPAddress, byte> _addresses = new();

    /// <summary>Gets the blacklisted addresses.</summary>
    public IReadOnlyList<IPAddress> Addresses => _addresses.Keys.OrderBy(a => a.ToString(), StringComparer.Ordinal).ToList();

    /// <summary>Adds addresses.</summary>
    /// <param name="addresses">The addresses.</param>
    public void Add(IEnumerable<IPAddress> addresses)
    {
        foreach (var address in addresses)
        {
            _addresses[Normalize(address)] = 0;
        }
    }

    /// <summary>Checks an address.</summary>
    /// <param name="address">The client's address.</param>
    /// <returns>True when it is blacklisted.</returns>
    public bool Contains(IPAddress address) => _addresses.ContainsKey(Normalize(address));

    /// <summary>Parses an address strictly: four dotted decimal parts for IPv4, a colon form for IPv6.</summary>
    /// <param name="text">The text.</param>
    /// <param name="address">The address.</param>
    /// <returns>True when <paramref name="text"/> is a valid IPv4 or IPv6 address.</returns>
    public static bool TryParse(string? text, out IPAddress address)
    {
        address = IPAddress.None;
        if (string.IsNullOrWhiteSpace(text) || !IPAddress.TryParse(text, out var parsed))
        {
            return false;
        }

        var isV6 = text.Contains(':', StringComparison.Ordinal);
        var isStrictV4 = !isV6 && text.Split('.') is { Length: 4 } parts && parts.All(p => p.Length is > 0 and <= 3 && p.All(char.IsAsciiDigit));
        if (!isV6 && !isStrictV4)
        {
            return false;
        }

        address = parsed;
        return true;
    }

    private static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
