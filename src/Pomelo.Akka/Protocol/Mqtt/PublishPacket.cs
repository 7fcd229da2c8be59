namespace Pomelo.Akka.Protocol.Mqtt;

/// <summary>
/// An MQTT PUBLISH packet. pomelo-admin only uses QoS 0, so that is the default; a QoS 1 or 2 packet read from
/// the wire surfaces its <see cref="PacketId"/>. Equality compares the payload by content, not by reference.
/// </summary>
/// <param name="Topic">The topic name (non-empty, no wildcards).</param>
/// <param name="Payload">The application payload; when read by <see cref="MqttCodec"/> it is a copy owned by this packet.</param>
public sealed record PublishPacket(string Topic, ReadOnlyMemory<byte> Payload) : MqttPacket
{
    /// <inheritdoc />
    public override MqttPacketType Type => MqttPacketType.Publish;

    /// <summary>The quality-of-service level (0, 1 or 2); 0 unless the packet was read with a higher level.</summary>
    public byte QualityOfService { get; init; }

    /// <summary>The packet identifier, present exactly when <see cref="QualityOfService"/> is above 0.</summary>
    public ushort? PacketId { get; init; }

    /// <summary>The RETAIN flag of the fixed header.</summary>
    public bool Retain { get; init; }

    /// <summary>The DUP (re-delivery) flag of the fixed header.</summary>
    public bool Duplicate { get; init; }

    /// <summary>Compares every field, with the payload compared byte by byte.</summary>
    /// <param name="other">The packet to compare with.</param>
    /// <returns>True when both packets would be written as the same bytes.</returns>
    public bool Equals(PublishPacket? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (Topic == other.Topic
                && QualityOfService == other.QualityOfService
                && PacketId == other.PacketId
                && Retain == other.Retain
                && Duplicate == other.Duplicate
                && Payload.Span.SequenceEqual(other.Payload.Span)));

    /// <summary>Hashes the topic, flags and payload content, consistent with <see cref="Equals(PublishPacket)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Topic);
        hash.Add(QualityOfService);
        hash.Add(PacketId);
        hash.Add(Retain);
        hash.Add(Duplicate);
        hash.AddBytes(Payload.Span);
        return hash.ToHashCode();
    }
}
