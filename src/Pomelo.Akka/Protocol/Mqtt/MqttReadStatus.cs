namespace Pomelo.Akka.Protocol.Mqtt;

/// <summary>The result of one <see cref="MqttCodec.TryRead"/> attempt.</summary>
public enum MqttReadStatus
{
    /// <summary>The buffer does not yet hold a whole frame; nothing was consumed, read more bytes and retry.</summary>
    Incomplete,

    /// <summary>A whole frame was decoded into a packet and the buffer was sliced past it.</summary>
    Packet,

    /// <summary>The bytes violate the protocol (or hold a packet type this codec does not support); see the error.</summary>
    Error,
}
