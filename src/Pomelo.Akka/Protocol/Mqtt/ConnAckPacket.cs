namespace Pomelo.Akka.Protocol.Mqtt;

/// <summary>An MQTT CONNACK packet: the server's answer to a CONNECT.</summary>
/// <param name="ReturnCode">The connect return code; 0 means accepted, 1-5 are the MQTT 3.1.1 refusal reasons.</param>
/// <param name="SessionPresent">The session-present acknowledge flag.</param>
public sealed record ConnAckPacket(byte ReturnCode, bool SessionPresent = false) : MqttPacket
{
    /// <summary>Return code meaning the connection was accepted.</summary>
    public const byte Accepted = 0;

    /// <inheritdoc />
    public override MqttPacketType Type => MqttPacketType.ConnAck;
}
