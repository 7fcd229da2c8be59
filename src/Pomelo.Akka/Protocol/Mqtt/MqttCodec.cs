using System.Buffers;

namespace Pomelo.Akka.Protocol.Mqtt;

/// <summary>
/// Reads and writes MQTT 3.1.1 frames for the packet subset pomelo-admin uses: CONNECT, CONNACK, PUBLISH,
/// PINGREQ, PINGRESP and DISCONNECT. Other valid packet types are reported as
/// <see cref="MqttErrorCode.UnsupportedPacketType"/> with the frame consumed, so callers may skip them.
/// </summary>
public static class MqttCodec
{
    /// <summary>The default cap on a whole frame (fixed header plus remaining length): 1 MiB.</summary>
    public const int DefaultMaxFrameSize = 1024 * 1024;

    /// <summary>
    /// Tries to read one frame from the start of <paramref name="buffer"/>. On <see cref="MqttReadStatus.Packet"/>
    /// the packet is set and the buffer is sliced past the frame. On <see cref="MqttReadStatus.Incomplete"/> the
    /// buffer is unchanged (advance consumed to its start and examined to its end). On
    /// <see cref="MqttReadStatus.Error"/> the error is set and the buffer is unchanged, except for
    /// <see cref="MqttErrorCode.UnsupportedPacketType"/>, which is only returned once the whole frame is buffered
    /// and is then sliced past it. A frame whose declared size exceeds <paramref name="maxFrameSize"/> is
    /// reported as soon as its header is readable, without waiting for its body.
    /// </summary>
    /// <param name="buffer">The received bytes; sliced past the frame on success.</param>
    /// <param name="maxFrameSize">The largest whole frame accepted, header included; at least 2.</param>
    /// <param name="packet">The decoded packet on success.</param>
    /// <param name="error">The protocol error on failure.</param>
    /// <returns>Whether a packet was read, more bytes are needed, or the bytes are invalid.</returns>
    public static MqttReadStatus TryRead(
        ref ReadOnlySequence<byte> buffer, int maxFrameSize, out MqttPacket? packet, out MqttProtocolError? error)
        => ReadFrame(ref buffer, maxFrameSize, borrowFrom: null, out packet, out _, out error);

    /// <summary>
    /// <see cref="TryRead(ref ReadOnlySequence{byte}, int, out MqttPacket?, out MqttProtocolError?)"/>, where a
    /// PUBLISH's payload points into <paramref name="buffer"/>'s memory instead of a copy when it lies in one segment:
    /// the caller must be done with it before that memory goes back to its pool. A payload spread over several
    /// segments (a large frame) is copied into an array rented from <paramref name="pool"/>, handed back in
    /// <paramref name="rented"/>: the caller returns it once done with the packet, like the borrowed memory.
    /// </summary>
    internal static MqttReadStatus TryReadBorrowing(
        ref ReadOnlySequence<byte> buffer, int maxFrameSize, ArrayPool<byte> pool, out MqttPacket? packet, out byte[]? rented, out MqttProtocolError? error)
        => ReadFrame(ref buffer, maxFrameSize, pool, out packet, out rented, out error);

    private static MqttReadStatus ReadFrame(
        ref ReadOnlySequence<byte> buffer, int maxFrameSize, ArrayPool<byte>? borrowFrom, out MqttPacket? packet, out byte[]? rented, out MqttProtocolError? error)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFrameSize, 2);
        packet = null;
        rented = null;
        error = null;
        var reader = new SequenceReader<byte>(buffer);
        if (!reader.TryRead(out var first))
        {
            return MqttReadStatus.Incomplete;
        }

        var typeValue = first >> 4;
        var flags = (byte)(first & 0x0F);
        if (typeValue is 0 or 15)
        {
            return Fail(MqttErrorCode.UnknownPacketType, $"Packet type {typeValue} is reserved in MQTT 3.1.1.", out error);
        }

        var type = (MqttPacketType)typeValue;
        if (!MqttFixedHeaderFlags.AreValid(type, flags))
        {
            return Fail(MqttErrorCode.InvalidFlags, $"Flags 0x{flags:X} are invalid for {type}.", out error);
        }

        switch (MqttRemainingLength.TryDecode(ref reader, out var remaining, out var lengthBytes))
        {
            case MqttRemainingLength.DecodeResult.Incomplete:
                return MqttReadStatus.Incomplete;
            case MqttRemainingLength.DecodeResult.Malformed:
                return Fail(MqttErrorCode.MalformedRemainingLength, "Remaining length uses more than 4 bytes.", out error);
        }

        var frameSize = 1L + lengthBytes + remaining;
        if (frameSize > maxFrameSize)
        {
            var message = $"{type} frame of {frameSize} bytes exceeds the {maxFrameSize}-byte limit.";
            return Fail(MqttErrorCode.FrameTooLarge, message, out error);
        }

        if (reader.Remaining < remaining)
        {
            return MqttReadStatus.Incomplete;
        }

        var body = reader.UnreadSequence.Slice(0, remaining);
        packet = ParseBody(type, flags, body, borrowFrom, out rented, out error);
        if (packet is null && error!.Code != MqttErrorCode.UnsupportedPacketType)
        {
            return MqttReadStatus.Error;
        }

        buffer = buffer.Slice(body.End);
        return packet is null ? MqttReadStatus.Error : MqttReadStatus.Packet;
    }

    /// <summary>Writes one complete frame for <paramref name="packet"/>.</summary>
    /// <param name="output">The destination, e.g. a <see cref="System.IO.Pipelines.PipeWriter"/>.</param>
    /// <param name="packet">One of the supported packet records.</param>
    /// <exception cref="NotSupportedException">The packet is not one of the records this codec writes.</exception>
    /// <exception cref="ArgumentException">A field cannot be encoded (string over 65535 UTF-8 bytes, bad topic or QoS).</exception>
    public static void Write(IBufferWriter<byte> output, MqttPacket packet)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(packet);
        switch (packet)
        {
            case ConnectPacket connect:
                MqttFrameWriter.WriteConnect(output, connect);
                break;
            case ConnAckPacket connAck:
                MqttFrameWriter.WriteConnAck(output, connAck);
                break;
            case PublishPacket p:
                MqttFrameWriter.WritePublish(output, p.Topic, p.Payload.Span, p.QualityOfService, p.PacketId, p.Retain, p.Duplicate);
                break;
            case PingReqPacket or PingRespPacket or DisconnectPacket:
                MqttFrameWriter.WriteEmpty(output, packet.Type);
                break;
            default:
                throw new NotSupportedException($"MqttCodec cannot write {packet.GetType().Name}.");
        }
    }

    /// <summary>Writes a QoS 0 PUBLISH frame without allocating a <see cref="PublishPacket"/>.</summary>
    /// <param name="output">The destination.</param>
    /// <param name="topic">The topic name (non-empty, no wildcards), encoded as UTF-8.</param>
    /// <param name="payload">The already-serialized payload.</param>
    public static void WritePublish(IBufferWriter<byte> output, string topic, ReadOnlySpan<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(topic);
        MqttFrameWriter.WritePublish(output, topic, payload, qos: 0, packetId: null, retain: false, duplicate: false);
    }

    /// <summary>
    /// Writes the headers of a QoS 0 PUBLISH frame whose <paramref name="payloadLength"/> payload bytes the caller writes
    /// next (possibly in pieces, flushed in between): for payloads too large to stage whole in a transport's buffers.
    /// </summary>
    /// <param name="output">The destination.</param>
    /// <param name="topic">The topic name (non-empty, no wildcards), encoded as UTF-8.</param>
    /// <param name="payloadLength">The payload's length in bytes.</param>
    public static void WritePublishHeader(IBufferWriter<byte> output, string topic, int payloadLength)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentOutOfRangeException.ThrowIfNegative(payloadLength);
        MqttFrameWriter.WritePublishHeader(output, topic, payloadLength, qos: 0, packetId: null, retain: false, duplicate: false);
    }

    private static MqttPacket? ParseBody(MqttPacketType type, byte flags, ReadOnlySequence<byte> body, ArrayPool<byte>? borrowFrom, out byte[]? rented, out MqttProtocolError? error)
    {
        string? problem;
        rented = null;
        var packet = type switch
        {
            MqttPacketType.Connect => MqttBodyParser.ParseConnect(body, out problem),
            MqttPacketType.ConnAck => MqttBodyParser.ParseConnAck(body, out problem),
            MqttPacketType.Publish => MqttBodyParser.ParsePublish(flags, body, borrowFrom, out rented, out problem),
            MqttPacketType.PingReq => Empty(PingReqPacket.Instance, body, out problem),
            MqttPacketType.PingResp => Empty(PingRespPacket.Instance, body, out problem),
            MqttPacketType.Disconnect => Empty(DisconnectPacket.Instance, body, out problem),
            _ => Unsupported(out problem),
        };
        if (packet is not null)
        {
            error = null;
        }
        else if (problem is null)
        {
            error = new MqttProtocolError(
                MqttErrorCode.UnsupportedPacketType, $"{type} ({body.Length}-byte body) is not supported; the frame was skipped.");
        }
        else
        {
            error = new MqttProtocolError(MqttErrorCode.MalformedPacket, $"Malformed {type}: {problem}");
        }

        return packet;
    }

    private static MqttPacket? Unsupported(out string? problem)
    {
        problem = null;
        return null;
    }

    private static MqttPacket? Empty(MqttPacket instance, ReadOnlySequence<byte> body, out string? problem)
    {
        problem = body.IsEmpty ? null : $"{instance.Type} must have remaining length 0, not {body.Length}.";
        return body.IsEmpty ? instance : null;
    }

    private static MqttReadStatus Fail(MqttErrorCode code, string message, out MqttProtocolError? error)
    {
        error = new MqttProtocolError(code, message);
        return MqttReadStatus.Error;
    }
}
