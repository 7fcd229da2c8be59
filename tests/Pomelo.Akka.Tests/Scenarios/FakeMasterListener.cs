using System.Net;
using System.Net.Sockets;
using Pomelo.Akka.Tests.Protocol.Mqtt;

namespace Pomelo.Akka.Tests.Scenarios;

/// <summary>
/// A bare listener on a free loopback port standing in for a master: a test accepts a monitor's or client's
/// connections and plays the master's side of the wire by hand.
/// </summary>
internal sealed class FakeMasterListener : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    public FakeMasterListener()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
    }

    public int Port { get; }

    /// <summary>Accepts the next connection, within <see cref="MqttTestConnection.Timeout"/>.</summary>
    public async Task<MqttTestConnection> AcceptAsync()
    {
        using var timeout = new CancellationTokenSource(MqttTestConnection.Timeout);
        return new MqttTestConnection(await _listener.AcceptSocketAsync(timeout.Token));
    }

    public void Dispose() => _listener.Dispose();
}
