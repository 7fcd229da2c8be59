using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Pomelo.Akka.Protocol.Mqtt;
using Pomelo.Akka.Tests.Protocol.Mqtt;

namespace Pomelo.Akka.Tests.Scenarios;

/// <summary>A hand-driven peer that speaks the wire protocol the way pomelo-admin's Node peers do, byte for byte.</summary>
internal sealed class RawPeer : IAsyncDisposable
{
    private readonly MqttTestConnection _connection;

    private RawPeer(MqttTestConnection connection)
    {
        _connection = connection;
    }

    public static async Task<RawPeer> ConnectAsync(int port, ushort keepAlive = 0, bool handshake = true, int? receiveBufferSize = null)
    {
        var connection = await MqttTestConnection.ConnectAsync(port, receiveBufferSize);
        if (handshake)
        {
            var ack = await connection.HandshakeAsync("MQTT_ADMIN_raw", keepAlive);
            Assert.Equal(0, ack.ReturnCode);
        }

        return new RawPeer(connection);
    }

    public Task SendRawAsync(byte[] bytes) => _connection.SendRawAsync(bytes);

    public Task SendAsync(MqttPacket packet) => _connection.SendAsync(packet);

    public Task PublishAsync(string topic, string payload)
        => _connection.SendAsync(w => MqttCodec.WritePublish(w, topic, Encoding.UTF8.GetBytes(payload)));

    /// <summary>Publishes <paramref name="json"/> as pomelo does for requests: a JSON string whose content is the object.</summary>
    public Task PublishJsonStringAsync(string topic, string json) => PublishAsync(topic, JsonSerializer.Serialize(json));

    public async Task<JsonElement> ReadPublishAsync(string topic)
    {
        while (true)
        {
            var outcome = await _connection.ReadAsync();
            Assert.True(outcome.Packet is not null, $"expected a PUBLISH on {topic}, got {outcome}");
            if (outcome.Packet is PublishPacket publish && publish.Topic == topic)
            {
                return JsonDocument.Parse(publish.Payload).RootElement.Clone();
            }
        }
    }

    public async Task<(int Code, string Msg)> RegisterAsync(string json, string topic = "register", string replyTopic = "register")
    {
        await PublishAsync(topic, json);
        var reply = await ReadPublishAsync(replyTopic);
        return (reply.GetProperty("code").GetInt32(), reply.GetProperty("msg").GetString()!);
    }

    /// <summary>Asserts the master closes the connection (optionally after DISCONNECT) and sends nothing else.</summary>
    public async Task AssertClosedAsync()
    {
        while (true)
        {
            MqttReadOutcome outcome;
            try
            {
                outcome = await _connection.ReadAsync();
            }
            catch (IOException)
            {
                return;
            }
            catch (SocketException)
            {
                return;
            }

            if (outcome.Completed || outcome.Error is { Code: MqttErrorCode.UnexpectedEndOfStream })
            {
                return;
            }

            Assert.True(outcome.Packet is DisconnectPacket or PingRespPacket, $"expected the connection to close, got {outcome}");
        }
    }

    /// <summary>Reads and discards up to <paramref name="bytes"/> bytes of what the master sent.</summary>
    public Task<long> DrainAsync(long bytes) => _connection.DrainAsync(bytes);

    /// <summary>Drops the connection with RST instead of FIN.</summary>
    public ValueTask ResetAsync() => _connection.ResetAsync();

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
