using Pomelo.Akka.Protocol.Mqtt;
using static Pomelo.Akka.Tests.Protocol.Mqtt.MqttTestBytes;

namespace Pomelo.Akka.Tests.Protocol.Mqtt;

/// <summary>Our codec talking to a real MQTT broker (Debian's mosquitto) and its command-line clients.</summary>
public sealed class MosquittoBrokerConformanceTests : IClassFixture<MosquittoBroker>
{
    private readonly MosquittoBroker _broker;

    /// <summary>Receives the broker shared by this class's tests.</summary>
    public MosquittoBrokerConformanceTests(MosquittoBroker broker) => _broker = broker;

    private static string NewTopic() => $"pomelo/test/{Guid.NewGuid():N}";

    private static string NewClientId(string prefix) => $"{prefix}_{Guid.NewGuid():N}"[..23];

    /// <summary>mosquitto accepts our CONNECT, answers PINGREQ, and closes the socket after our DISCONNECT.</summary>
    [Fact]
    public async Task Connect_ToMosquitto_ConnAckAcceptedPingAnsweredAndDisconnectClosesStream()
    {
        await using var connection = await MqttTestConnection.ConnectAsync(_broker.Port);

        var connAck = await connection.HandshakeAsync(NewClientId("MQTT_ADMIN"), keepAlive: 0);
        await connection.SendAsync(PingReqPacket.Instance);
        var pong = await connection.ReadAsync<PingRespPacket>();
        await connection.SendAsync(DisconnectPacket.Instance);
        var end = await connection.ReadAsync();

        Assert.Equal(new ConnAckPacket(ConnAckPacket.Accepted, SessionPresent: false), connAck);
        Assert.Same(PingRespPacket.Instance, pong);
        Assert.Equal(new MqttReadOutcome(null, null, Completed: true), end);
    }

    /// <summary>mosquitto's refusal (identifier rejected, code 2) of an empty id without clean session parses.</summary>
    [Fact]
    public async Task Connect_EmptyClientIdWithoutCleanSession_ConnAckIdentifierRejected()
    {
        await using var connection = await MqttTestConnection.ConnectAsync(_broker.Port);

        var connAck = await connection.HandshakeAsync(string.Empty, cleanSession: false);

        Assert.Equal(new ConnAckPacket(2), connAck);
    }

    /// <summary>A QoS 0 PUBLISH written by <see cref="MqttCodec.WritePublish"/> reaches mosquitto_sub byte for byte.</summary>
    [Theory]
    [InlineData(23)]
    [InlineData(200)]
    [InlineData(20_000)]
    public async Task WritePublish_ToMosquittoSubSubscriber_DeliversExactPayload(int payloadLength)
    {
        var topic = NewTopic();
        var subscriberId = NewClientId("sub");
        var payload = Pattern(payloadLength);
        using var subscriber = ToolProcess.Start(MosquittoTools.Subscriber,
            "-h", "127.0.0.1", "-p", _broker.Port.ToString(), "-i", subscriberId, "-t", topic, "-C", "1", "-N");
        await _broker.WaitForLogAsync($"Sending SUBACK to {subscriberId}", MqttTestConnection.Timeout);
        await using var connection = await MqttTestConnection.ConnectAsync(_broker.Port);
        Assert.Equal(ConnAckPacket.Accepted, (await connection.HandshakeAsync(NewClientId("MQTT_ADMIN"))).ReturnCode);

        await connection.SendAsync(writer => MqttCodec.WritePublish(writer, topic, payload));
        var (exitCode, stdout, stderr) = await subscriber.WaitForExitAsync(MqttTestConnection.Timeout);

        Assert.True(exitCode == 0, $"mosquitto_sub exited with {exitCode}: {stderr}");
        Assert.Equal(payload, stdout);
    }

    /// <summary>A PUBLISH sent by mosquitto_pub through the broker is read by our codec with exact topic and payload.</summary>
    [Theory]
    [InlineData(17)]
    [InlineData(200)]
    [InlineData(20_000)]
    public async Task TryRead_PublishFromMosquittoPub_ReturnsExactTopicAndPayload(int payloadLength)
    {
        var topic = NewTopic();
        var payload = Pattern(payloadLength);
        await using var connection = await SubscribeAsync(topic, qos: 0);

        var (exitCode, stderr) = await PublishWithMosquittoPubAsync(topic, payload);
        var publish = await connection.ReadAsync<PublishPacket>();

        Assert.True(exitCode == 0, $"mosquitto_pub exited with {exitCode}: {stderr}");
        Assert.Equal(topic, publish.Topic);
        Assert.Equal(payload, publish.Payload.ToArray());
        Assert.Equal(0, publish.QualityOfService);
        Assert.Null(publish.PacketId);
        Assert.False(publish.Retain);
    }

    /// <summary>A QoS 1 delivery from the broker surfaces its packet identifier.</summary>
    [Fact]
    public async Task TryRead_QoS1PublishFromMosquitto_SurfacesPacketId()
    {
        var topic = NewTopic();
        var payload = "{\"qos\":1}"u8.ToArray();
        await using var connection = await SubscribeAsync(topic, qos: 1);

        var (exitCode, stderr) = await PublishWithMosquittoPubAsync(topic, payload, "-q", "1");
        var publish = await connection.ReadAsync<PublishPacket>();

        Assert.True(exitCode == 0, $"mosquitto_pub exited with {exitCode}: {stderr}");
        Assert.Equal(new PublishPacket(topic, payload) { QualityOfService = 1, PacketId = publish.PacketId }, publish);
        Assert.NotNull(publish.PacketId);
        Assert.NotEqual((ushort)0, publish.PacketId);
    }

    /// <summary>Connects, sends a hand-written SUBSCRIBE and skips the SUBACK, which our codec reports as unsupported.</summary>
    private async Task<MqttTestConnection> SubscribeAsync(string topic, byte qos)
    {
        var connection = await MqttTestConnection.ConnectAsync(_broker.Port);
        Assert.Equal(ConnAckPacket.Accepted, (await connection.HandshakeAsync(NewClientId("MQTT_ADMIN"))).ReturnCode);
        await connection.SendRawAsync(MqttTestConnection.SubscribeFrame(topic, qos));
        var subAck = await connection.ReadAsync();
        Assert.True(subAck.Error?.Code == MqttErrorCode.UnsupportedPacketType, $"Expected the SUBACK to be skipped, got {subAck}.");
        return connection;
    }

    private async Task<(int ExitCode, string Stderr)> PublishWithMosquittoPubAsync(string topic, byte[] payload, params string[] extra)
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(file, payload);
            using var publisher = ToolProcess.Start(MosquittoTools.Publisher,
                ["-h", "127.0.0.1", "-p", _broker.Port.ToString(), "-t", topic, "-f", file, .. extra]);
            var (exitCode, _, stderr) = await publisher.WaitForExitAsync(MqttTestConnection.Timeout);
            return (exitCode, stderr);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
