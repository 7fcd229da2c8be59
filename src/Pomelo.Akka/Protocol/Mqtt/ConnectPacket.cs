namespace Pomelo.Akka.Protocol.Mqtt;

/// <summary>
/// An MQTT CONNECT packet as used by pomelo-admin: client id, keep-alive and the clean-session flag.
/// Written as protocol "MQTT" level 4; on read "MQIsdp" level 3 is accepted too, and any will, user name
/// or password fields are parsed (so the frame is fully validated) but not surfaced.
/// </summary>
/// <param name="ClientId">The client identifier (may be empty, as MQTT 3.1.1 allows).</param>
/// <param name="KeepAliveSeconds">The keep-alive interval in seconds; 0 disables keep-alive.</param>
/// <param name="CleanSession">Whether the clean-session flag is set.</param>
public sealed record ConnectPacket(string ClientId, ushort KeepAliveSeconds, bool CleanSession = true) : MqttPacket
{
    /// <inheritdoc />
    public override MqttPacketType Type => MqttPacketType.Connect;
}
