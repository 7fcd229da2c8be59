using System.Net;
using System.Net.Sockets;
using Pomelo.Akka.Protocol.Mqtt;

namespace Pomelo.Akka.Tests.Protocol.Mqtt;

/// <summary>Our codec acting as the server for a real MQTT client (mosquitto_pub), reading what it writes.</summary>
public sealed class MosquittoClientConformanceTests
{
    /// <summary>CONNECT, PUBLISH and DISCONNECT from mosquitto_pub (MQTT 3.1.1 and 3.1, with optional fields) all parse.</summary>
    [Theory]
    [InlineData("mqttv311")]
    [InlineData("mqttv31")]
    [InlineData("mqttv311", "-u", "admin", "-P", "secret", "--will-topic", "will/t", "--will-payload", "bye", "--will-qos", "1", "--will-retain")]
    [InlineData("mqttv31", "-u", "admin", "-P", "secret", "--will-topic", "will/t", "--will-payload", "bye")]
    public async Task TryRead_SessionFromMosquittoPub_ParsesConnectPublishAndDisconnect(string version, params string[] extra)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var publisher = ToolProcess.Start(MosquittoTools.Publisher,
        [
            "-h", "127.0.0.1", "-p", port.ToString(), "-V", version, "-i", "MQTT_ADMIN_1", "-k", "30",
            "-t", "register", "-m", "{\"serverId\":\"connector-1\"}", .. extra,
        ]);
        using var accept = new CancellationTokenSource(MqttTestConnection.Timeout);
        await using var connection = new MqttTestConnection(await listener.AcceptSocketAsync(accept.Token));

        var connect = await connection.ReadAsync<ConnectPacket>();
        await connection.SendAsync(new ConnAckPacket(ConnAckPacket.Accepted));
        var publish = await connection.ReadAsync<PublishPacket>();
        var disconnect = await connection.ReadAsync<DisconnectPacket>();
        var end = await connection.ReadAsync();
        var (exitCode, _, stderr) = await publisher.WaitForExitAsync(MqttTestConnection.Timeout);

        Assert.Equal(new ConnectPacket("MQTT_ADMIN_1", 30, CleanSession: true), connect);
        Assert.Equal(new PublishPacket("register", "{\"serverId\":\"connector-1\"}"u8.ToArray()), publish);
        Assert.Same(DisconnectPacket.Instance, disconnect);
        Assert.True(end.Completed, $"Expected a clean end of stream, got {end}.");
        Assert.True(exitCode == 0, $"mosquitto_pub exited with {exitCode}: {stderr}");
    }
}
