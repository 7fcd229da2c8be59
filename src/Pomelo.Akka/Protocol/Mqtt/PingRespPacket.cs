namespace Pomelo.Akka.Protocol.Mqtt;

/// <summary>An MQTT PINGRESP packet (server answer to PINGREQ); it has no fields, so use the shared instance.</summary>
public sealed record PingRespPacket : MqttPacket
{
    private PingRespPacket()
    {
    }

    /// <summary>The single shared instance; all instances are equal anyway.</summary>
    public static PingRespPacket Instance { get; } = new();

    /// <inheritdoc />
    public override MqttPacketType Type => MqttPacketType.PingResp;
}
