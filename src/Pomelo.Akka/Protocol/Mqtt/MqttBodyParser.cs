using System.Buffers;

namespace Pomelo.Akka.Protocol.Mqtt;

/// <summary>Decodes the body (variable header and payload) of the packet types the codec supports.</summary>
internal static class MqttBodyParser
{
    /// <summary>Decodes a CONNECT body; will, user name and password fields are validated and skipped.</summary>
    /// <param name="body">The bytes after the fixed header.</param>
    /// <param name="problem">Why the body is malformed, when it is.</param>
    /// <returns>The packet, or null when malformed.</returns>
    public static ConnectPacket? ParseConnect(ReadOnlySequence<byte> body, out string? problem)
    {
        var reader = new SequenceReader<byte>(body);
        if (!MqttWireReader.TryReadString(ref reader, "Protocol name", out var protocol, out problem))
        {
            return null;
        }

        if (!reader.TryRead(out var level) || !reader.TryRead(out var flags)
            || !MqttWireReader.TryReadUInt16(ref reader, out var keepAlive))
        {
            problem = "CONNECT variable header is truncated.";
            return null;
        }

        if (!(protocol == "MQTT" && level == 4) && !(protocol == "MQIsdp" && level == 3))
        {
            problem = $"Unsupported protocol '{protocol}' level {level}; expected 'MQTT' level 4 or 'MQIsdp' level 3.";
            return null;
        }

        problem = CheckConnectFlags(flags, level);
        if (problem is not null)
        {
            return null;
        }

        if (!MqttWireReader.TryReadString(ref reader, "Client id", out var clientId, out problem)
            || !SkipOptionalFields(ref reader, flags, out problem))
        {
            return null;
        }

        if (reader.Remaining != 0)
        {
            problem = $"CONNECT has {reader.Remaining} unexpected trailing bytes.";
            return null;
        }

        return new ConnectPacket(clientId, keepAlive, CleanSession: (flags & 0x02) != 0);
    }

    /// <summary>Decodes a CONNACK body (exactly 2 bytes: acknowledge flags, return code).</summary>
    /// <param name="body">The bytes after the fixed header.</param>
    /// <param name="problem">Why the body is malformed, when it is.</param>
    /// <returns>The packet, or null when malformed.</returns>
    public static ConnAckPacket? ParseConnAck(ReadOnlySequence<byte> body, out string? problem)
    {
        var reader = new SequenceReader<byte>(body);
        if (body.Length != 2 || !reader.TryRead(out var ackFlags) || !reader.TryRead(out var returnCode))
        {
            problem = $"CONNACK must have a 2-byte body, not {body.Length}.";
            return null;
        }

        if ((ackFlags & 0xFE) != 0)
        {
            problem = $"CONNACK acknowledge flags 0x{ackFlags:X2} set reserved bits.";
            return null;
        }

        problem = null;
        return new ConnAckPacket(returnCode, SessionPresent: ackFlags == 1);
    }

    /// <summary>
    /// Reads a PUBLISH topic; pomelo-admin's own topics are matched byte for byte and returned as the shared constant
    /// (no string per frame), anything else is decoded and validated as an MQTT string.
    /// </summary>
    private static bool TryReadTopic(ref SequenceReader<byte> reader, out string topic, out string? problem)
    {
        var start = reader;
        if (MqttWireReader.TryReadLengthPrefixed(ref reader, "Topic name", out var bytes, out problem) && bytes.IsSingleSegment)
        {
            var span = bytes.FirstSpan;
            var known = span.SequenceEqual("monitor"u8) ? AdminTopics.Monitor
                : span.SequenceEqual("client"u8) ? AdminTopics.Client
                : null;
            if (known is not null)
            {
                topic = known;
                return true;
            }
        }

        reader = start;
        return MqttWireReader.TryReadString(ref reader, "Topic name", out topic, out problem);
    }

    /// <summary>
    /// Decodes a PUBLISH body. The payload is copied into an array owned by the packet, unless
    /// <paramref name="borrowFrom"/> is given: then a payload in one segment points into <paramref name="body"/>'s
    /// memory, and one spread over several segments is copied into an array rented from <paramref name="borrowFrom"/>
    /// and handed back in <paramref name="rented"/>; either way it is valid only until the caller gives that memory back.
    /// </summary>
    /// <param name="flags">The fixed header's flag nibble (already validated: QoS is 0, 1 or 2).</param>
    /// <param name="body">The bytes after the fixed header.</param>
    /// <param name="borrowFrom">Where a borrowed payload's copy is rented from; null for a payload of its own.</param>
    /// <param name="rented">The rented array the payload lies in, if any.</param>
    /// <param name="problem">Why the body is malformed, when it is.</param>
    /// <returns>The packet, or null when malformed.</returns>
    public static PublishPacket? ParsePublish(byte flags, ReadOnlySequence<byte> body, ArrayPool<byte>? borrowFrom, out byte[]? rented, out string? problem)
    {
        rented = null;
        var reader = new SequenceReader<byte>(body);
        if (!TryReadTopic(ref reader, out var topic, out problem))
        {
            return null;
        }

        if (topic.Length == 0 || topic.AsSpan().IndexOfAny('+', '#') >= 0)
        {
            problem = $"Topic name '{topic}' is empty or contains a wildcard.";
            return null;
        }

        var qos = (byte)((flags >> 1) & 0x03);
        ushort? packetId = null;
        if (qos > 0)
        {
            if (!MqttWireReader.TryReadUInt16(ref reader, out var id) || id == 0)
            {
                problem = "PUBLISH with QoS > 0 needs a non-zero packet identifier.";
                return null;
            }

            packetId = id;
        }

        var payload = reader.UnreadSequence;
        ReadOnlyMemory<byte> bytes;
        if (borrowFrom is null)
        {
            bytes = payload.ToArray();
        }
        else if (payload.IsSingleSegment)
        {
            bytes = payload.First;
        }
        else
        {
            rented = borrowFrom.Rent((int)payload.Length);
            payload.CopyTo(rented);
            bytes = rented.AsMemory(0, (int)payload.Length);
        }

        return new PublishPacket(topic, bytes)
        {
            QualityOfService = qos,
            PacketId = packetId,
            Retain = (flags & 0x01) != 0,
            Duplicate = (flags & 0x08) != 0,
        };
    }

    private static string? CheckConnectFlags(byte flags, byte level)
    {
        var will = (flags & 0x04) != 0;
        var willQos = (flags >> 3) & 0x03;
        var willRetain = (flags & 0x20) != 0;
        var password = (flags & 0x40) != 0;
        var userName = (flags & 0x80) != 0;
        return (flags & 0x01) != 0 ? "CONNECT flags set the reserved bit 0."
            : willQos == 3 ? "CONNECT will QoS is 3."
            : !will && (willQos != 0 || willRetain) ? "CONNECT sets will QoS or retain without the will flag."
            : password && !userName && level >= 4 ? "CONNECT sets the password flag without the user name flag."
            : null;
    }

    private static bool SkipOptionalFields(ref SequenceReader<byte> reader, byte flags, out string? problem)
    {
        problem = null;
        if ((flags & 0x04) != 0
            && (!MqttWireReader.TryReadString(ref reader, "Will topic", out _, out problem)
                || !MqttWireReader.TryReadLengthPrefixed(ref reader, "Will message", out _, out problem)))
        {
            return false;
        }

        if ((flags & 0x80) != 0 && !MqttWireReader.TryReadString(ref reader, "User name", out _, out problem))
        {
            return false;
        }

        return (flags & 0x40) == 0 || MqttWireReader.TryReadLengthPrefixed(ref reader, "Password", out _, out problem);
    }
}
