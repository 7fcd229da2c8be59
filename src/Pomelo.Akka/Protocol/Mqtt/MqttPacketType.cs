namespace Pomelo.Akka.Protocol.Mqtt;

/// <summary>The MQTT 3.1.1 control packet types, as carried in the high nibble of the fixed header's first byte.</summary>
public enum MqttPacketType : byte
{
    /// <summary>Client request to connect to a server.</summary>
    Connect = 1,

    /// <summary>Server acknowledgement of a connect request.</summary>
    ConnAck = 2,

    /// <summary>Publish message (application data on a topic).</summary>
    Publish = 3,

    /// <summary>Publish acknowledgement for QoS 1 (not supported by this codec).</summary>
    PubAck = 4,

    /// <summary>Publish received, QoS 2 part 1 (not supported by this codec).</summary>
    PubRec = 5,

    /// <summary>Publish release, QoS 2 part 2 (not supported by this codec).</summary>
    PubRel = 6,

    /// <summary>Publish complete, QoS 2 part 3 (not supported by this codec).</summary>
    PubComp = 7,

    /// <summary>Client subscribe request (not supported by this codec).</summary>
    Subscribe = 8,

    /// <summary>Subscribe acknowledgement (not supported by this codec).</summary>
    SubAck = 9,

    /// <summary>Client unsubscribe request (not supported by this codec).</summary>
    Unsubscribe = 10,

    /// <summary>Unsubscribe acknowledgement (not supported by this codec).</summary>
    UnsubAck = 11,

    /// <summary>Keep-alive ping request.</summary>
    PingReq = 12,

    /// <summary>Keep-alive ping response.</summary>
    PingResp = 13,

    /// <summary>Client is disconnecting cleanly.</summary>
    Disconnect = 14,
}
