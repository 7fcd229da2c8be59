namespace Pomelo.Akka.Protocol.Mqtt;

/// <summary>An MQTT PINGREQ packet (keep-alive probe from client to server); it has no fields, so use the shared instance.</summary>
public sealed record PingReqPacket : MqttPacket
{
    private PingReqPacket()
    {
    }

    /// <summary>The single shared instance; all instances are equal anyway.</summary>
    public static PingReqPacket Instance { get; } = new();

    /// <inheritdoc />
    public override MqttPacketType Type => MqttPacketType.PingReq;
}
