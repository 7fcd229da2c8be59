using System.Net;
using System.Net.Sockets;

namespace Pomelo.Akka.Security;

/// <summary>Maps a remote address to the key <see cref="LoginThrottle"/> counts failures under.</summary>
internal static class ThrottleAddress
{
    private const int Ipv6PrefixBytes = 8;

    /// <summary>
    /// IPv4-mapped IPv6 addresses become their IPv4 address; IPv6 addresses become their /64 prefix (scope dropped);
    /// IPv4 addresses are used as they are.
    /// </summary>
    public static IPAddress KeyFor(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address;
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[Ipv6PrefixBytes..].Clear();
        return new IPAddress(bytes);
    }
}
