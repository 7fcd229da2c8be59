namespace Pomelo.Akka.Protocol.Mqtt;

/// <summary>Why a frame could not be read.</summary>
public enum MqttErrorCode
{
    /// <summary>The remaining-length field uses more than the 4 bytes MQTT allows.</summary>
    MalformedRemainingLength,

    /// <summary>The frame's declared size exceeds the caller's maximum frame size.</summary>
    FrameTooLarge,

    /// <summary>The packet type nibble is a reserved value (0 or 15).</summary>
    UnknownPacketType,

    /// <summary>
    /// The packet type is valid MQTT 3.1.1 but not handled by this codec (PUBACK..UNSUBACK). Unlike every other
    /// error, this one is only reported once the whole frame is buffered, and that frame is consumed, so the caller
    /// may skip it and keep reading.
    /// </summary>
    UnsupportedPacketType,

    /// <summary>The frame's body does not match the layout of its packet type.</summary>
    MalformedPacket,

    /// <summary>The fixed header's flag nibble has a value the specification forbids for the packet type.</summary>
    InvalidFlags,

    /// <summary>The stream ended in the middle of a frame.</summary>
    UnexpectedEndOfStream,
}
