namespace Pomelo.Akka.Protocol.Mqtt;

/// <summary>Base of every MQTT control packet this codec reads or writes; immutable and safe to share.</summary>
public abstract record MqttPacket
{
    /// <summary>The control packet type written in the fixed header.</summary>
    public abstract MqttPacketType Type { get; }
}
