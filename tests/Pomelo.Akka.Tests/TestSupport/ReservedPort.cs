using System.Net;
using System.Net.Sockets;

namespace Pomelo.Akka.Tests.TestSupport;

/// <summary>
/// A loopback port held by a bound socket that does not listen: connecting to it is refused at once, and no other
/// test's listener (nor any connection's local end) can be given it until it is released — unlike a port picked free
/// and let go, which a test running alongside may take while this one waits for nobody to be there.
/// </summary>
public sealed class ReservedPort : IDisposable
{
    private readonly Socket _socket;

    public ReservedPort()
    {
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        Port = ((IPEndPoint)_socket.LocalEndPoint!).Port;
    }

    public int Port { get; }

    /// <summary>Lets the port go, for a listener of the test's own to bind right after.</summary>
    public void Dispose() => _socket.Dispose();
}
