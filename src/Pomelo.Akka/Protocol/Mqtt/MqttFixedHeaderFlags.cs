namespace Pomelo.Akka.Protocol.Mqtt;

/// <summary>The MQTT 3.1.1 rules (section 2.2.2) for the flag nibble of the fixed header.</summary>
internal static class MqttFixedHeaderFlags
{
    /// <summary>Whether <paramref name="flags"/> is allowed for <paramref name="type"/>.</summary>
    /// <param name="type">A packet type between 1 and 14.</param>
    /// <param name="flags">The low nibble of the first header byte.</param>
    /// <returns>
    /// True for PUBLISH unless QoS is 3 (DUP and RETAIN are free); PUBREL, SUBSCRIBE and UNSUBSCRIBE require
    /// 0b0010; every other type requires 0.
    /// </returns>
    public static bool AreValid(MqttPacketType type, byte flags) => type switch
    {
        MqttPacketType.Publish => (flags & 0x06) != 0x06,
        MqttPacketType.PubRel or MqttPacketType.Subscribe or MqttPacketType.Unsubscribe => flags == 0x02,
        _ => flags == 0,
    };
}
