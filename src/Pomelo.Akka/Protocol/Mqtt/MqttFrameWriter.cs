using System.Buffers;
using System.Buffers.Binary;

namespace Pomelo.Akka.Protocol.Mqtt;

/// <summary>Encodes whole MQTT frames straight into an <see cref="IBufferWriter{T}"/>.</summary>
internal static class MqttFrameWriter
{
    /// <summary>CONNECT protocol name "MQTT" as written on the wire, length prefix included, then level 4.</summary>
    private static ReadOnlySpan<byte> ProtocolNameAndLevel => [0x00, 0x04, (byte)'M', (byte)'Q', (byte)'T', (byte)'T', 0x04];

    /// <summary>Writes a CONNECT for protocol "MQTT" level 4 without will, user name or password.</summary>
    /// <param name="output">The destination.</param>
    /// <param name="packet">The packet.</param>
    public static void WriteConnect(IBufferWriter<byte> output, ConnectPacket packet)
    {
        var clientIdLength = GetStringLength(packet.ClientId, "client id");
        var remaining = ProtocolNameAndLevel.Length + 1 + 2 + 2 + clientIdLength;
        var span = output.GetSpan(1 + MqttRemainingLength.MaxBytes + remaining);
        var offset = WriteFixedHeader(span, 0x10, remaining);
        ProtocolNameAndLevel.CopyTo(span[offset..]);
        offset += ProtocolNameAndLevel.Length;
        span[offset++] = packet.CleanSession ? (byte)0x02 : (byte)0x00;
        BinaryPrimitives.WriteUInt16BigEndian(span[offset..], packet.KeepAliveSeconds);
        offset += 2;
        offset += WriteString(span[offset..], packet.ClientId, clientIdLength);
        output.Advance(offset);
    }

    /// <summary>Writes a CONNACK.</summary>
    /// <param name="output">The destination.</param>
    /// <param name="packet">The packet.</param>
    public static void WriteConnAck(IBufferWriter<byte> output, ConnAckPacket packet)
    {
        var span = output.GetSpan(4);
        span[0] = 0x20;
        span[1] = 0x02;
        span[2] = packet.SessionPresent ? (byte)0x01 : (byte)0x00;
        span[3] = packet.ReturnCode;
        output.Advance(4);
    }

    /// <summary>Writes a packet that is only a fixed header with remaining length 0 (PINGREQ, PINGRESP, DISCONNECT).</summary>
    /// <param name="output">The destination.</param>
    /// <param name="type">The packet type.</param>
    public static void WriteEmpty(IBufferWriter<byte> output, MqttPacketType type)
    {
        var span = output.GetSpan(2);
        span[0] = (byte)((byte)type << 4);
        span[1] = 0x00;
        output.Advance(2);
    }

    /// <summary>Writes a PUBLISH; the payload is copied straight from the caller's span.</summary>
    /// <param name="output">The destination.</param>
    /// <param name="topic">The topic name (non-empty, no wildcards).</param>
    /// <param name="payload">The payload bytes.</param>
    /// <param name="qos">The QoS level, 0 to 2.</param>
    /// <param name="packetId">The packet id: null for QoS 0, non-zero otherwise.</param>
    /// <param name="retain">The RETAIN flag.</param>
    /// <param name="duplicate">The DUP flag.</param>
    public static void WritePublish(
        IBufferWriter<byte> output, string topic, ReadOnlySpan<byte> payload, byte qos, ushort? packetId, bool retain, bool duplicate)
    {
        WritePublishHeader(output, topic, payload.Length, qos, packetId, retain, duplicate);
        output.Write(payload);
    }

    /// <summary>Writes a PUBLISH frame's fixed and variable headers for a payload of <paramref name="payloadLength"/> bytes, which the caller writes next.</summary>
    public static void WritePublishHeader(
        IBufferWriter<byte> output, string topic, int payloadLength, byte qos, ushort? packetId, bool retain, bool duplicate)
    {
        ValidatePublish(topic, qos, packetId);
        var topicLength = GetStringLength(topic, "topic");
        var idLength = qos > 0 ? 2 : 0;
        var remaining = 2L + topicLength + idLength + payloadLength;
        if (remaining > MqttRemainingLength.MaxValue)
        {
            throw new ArgumentException($"PUBLISH frame body of {remaining} bytes exceeds the MQTT maximum.", nameof(payloadLength));
        }

        var flags = (byte)((duplicate ? 0x08 : 0) | (qos << 1) | (retain ? 0x01 : 0));
        var headerSize = 1 + MqttRemainingLength.GetEncodedSize((int)remaining) + 2 + topicLength + idLength;
        var span = output.GetSpan(headerSize);
        var offset = WriteFixedHeader(span, (byte)(0x30 | flags), (int)remaining);
        offset += WriteString(span[offset..], topic, topicLength);
        if (packetId is { } id)
        {
            BinaryPrimitives.WriteUInt16BigEndian(span[offset..], id);
            offset += 2;
        }

        output.Advance(offset);
    }

    private static void ValidatePublish(string topic, byte qos, ushort? packetId)
    {
        if (topic.Length == 0 || topic.AsSpan().IndexOfAny('+', '#') >= 0)
        {
            throw new ArgumentException($"PUBLISH topic '{topic}' must be non-empty and free of wildcards.", nameof(topic));
        }

        if (qos > 2 || (qos == 0) != (packetId is null) || packetId == 0)
        {
            throw new ArgumentException($"PUBLISH QoS {qos} with packet id {packetId?.ToString() ?? "none"} is invalid.", nameof(qos));
        }
    }

    private static int WriteFixedHeader(Span<byte> span, byte first, int remaining)
    {
        span[0] = first;
        return 1 + MqttRemainingLength.Encode(span[1..], remaining);
    }

    private static int GetStringLength(string value, string field)
    {
        var length = MqttWireReader.StrictUtf8.GetByteCount(value);
        return length <= ushort.MaxValue
            ? length
            : throw new ArgumentException($"MQTT {field} is {length} UTF-8 bytes; the maximum is 65535.", field);
    }

    private static int WriteString(Span<byte> span, string value, int byteLength)
    {
        BinaryPrimitives.WriteUInt16BigEndian(span, (ushort)byteLength);
        MqttWireReader.StrictUtf8.GetBytes(value, span[2..]);
        return 2 + byteLength;
    }
}
