namespace Pomelo.Akka.Protocol.Mqtt;

/// <summary>An MQTT DISCONNECT packet (the client closes cleanly); it has no fields, so use the shared instance.</summary>
public sealed record DisconnectPacket : MqttPacket
{
    private DisconnectPacket()
    {
    }

    /// <summary>The single shared instance; all instances are equal anyway.</summary>
    public static DisconnectPacket Instance { get; } = new();

    /// <inheritdoc />
    public override MqttPacketType Type => MqttPacketType.Disconnect;
}
