using System.Buffers;
using Pomelo.Akka.Protocol.Mqtt;
using static Pomelo.Akka.Tests.Protocol.Mqtt.MqttTestBytes;

namespace Pomelo.Akka.Tests.Protocol.Mqtt;

/// <summary>Protocol errors and incomplete input reported by <see cref="MqttCodec.TryRead"/>.</summary>
public sealed class MqttCodecErrorTests
{
    /// <summary>An oversize frame is rejected as soon as its header is readable.</summary>
    [Theory]
    [InlineData("30 FF FF 7F")] // declares 2,097,151 bytes: only the header is buffered
    [InlineData("30 FF FF FF 7F")]
    [InlineData("10 80 80 40")] // a CONNECT declaring 1 MiB
    public void TryRead_DeclaredLengthAboveDefaultCap_IsFrameTooLargeFromTheHeaderAlone(string header)
    {
        Assert.Equal(MqttErrorCode.FrameTooLarge, ReadError(Hex(header)).Code);
    }

    /// <summary>The cap counts the whole frame: exactly the cap is read, one byte more is rejected.</summary>
    [Fact]
    public void TryRead_FrameOneByteOverCustomCap_IsFrameTooLargeButExactCapIsRead()
    {
        var exact = Encode(new PublishPacket("t", Pattern(100 - 2 - 3)));
        var over = Encode(new PublishPacket("t", Pattern(100 - 2 - 3 + 1)));
        var buffer = new ReadOnlySequence<byte>(exact);

        Assert.Equal(100, exact.Length);
        Assert.Equal(MqttReadStatus.Packet, MqttCodec.TryRead(ref buffer, 100, out _, out _));
        Assert.Equal(MqttErrorCode.FrameTooLarge, ReadError(over[..2], maxFrameSize: 100).Code);
    }

    /// <summary>A remaining length still continuing after 4 bytes is malformed.</summary>
    [Theory]
    [InlineData("30 FF FF FF FF FF")]
    [InlineData("30 80 80 80 80")]
    [InlineData("C0 FF FF FF FF 01")]
    public void TryRead_RemainingLengthWithFifthByte_IsMalformedRemainingLength(string hex)
    {
        Assert.Equal(MqttErrorCode.MalformedRemainingLength, ReadError(Hex(hex)).Code);
    }

    /// <summary>Truncated frames are incomplete and consume nothing.</summary>
    [Theory]
    [InlineData("")]
    [InlineData("30")]
    [InlineData("30 FF FF")]
    [InlineData("30 05 00 01 61")]
    [InlineData("10 0C 00 04 4D 51 54 54 04 02 00")]
    [InlineData("82 08 00 01 00 03 61")] // unsupported types wait for their whole frame too
    public void TryRead_TruncatedFrame_IsIncompleteAndLeavesBufferUnchanged(string hex)
    {
        var bytes = Hex(hex);
        var buffer = new ReadOnlySequence<byte>(bytes);

        Assert.Equal(MqttReadStatus.Incomplete, MqttCodec.TryRead(ref buffer, MqttCodec.DefaultMaxFrameSize, out var packet, out var error));
        Assert.Null(packet);
        Assert.Null(error);
        Assert.Equal(bytes.Length, buffer.Length);
    }

    /// <summary>Packet types 0 and 15 are reserved.</summary>
    [Theory]
    [InlineData("00 00")]
    [InlineData("F0 00")]
    [InlineData("0F")]
    public void TryRead_ReservedPacketType_IsUnknownPacketType(string hex)
    {
        Assert.Equal(MqttErrorCode.UnknownPacketType, ReadError(Hex(hex)).Code);
    }

    /// <summary>Valid but unsupported packets are reported and skipped, so the next frame reads normally.</summary>
    [Theory]
    [InlineData("82 08 00 01 00 03 61 2F 62 00")] // SUBSCRIBE a/b QoS 0
    [InlineData("90 03 00 01 00")] // SUBACK
    [InlineData("40 02 00 01")] // PUBACK
    [InlineData("62 02 00 01")] // PUBREL
    public void TryRead_SupportedByMqttButNotByCodec_IsUnsupportedAndConsumesTheFrame(string hex)
    {
        var frame = Hex(hex);
        var buffer = new ReadOnlySequence<byte>(Concat(frame, Encode(PingReqPacket.Instance)));

        var status = MqttCodec.TryRead(ref buffer, MqttCodec.DefaultMaxFrameSize, out var packet, out var error);

        Assert.Equal(MqttReadStatus.Error, status);
        Assert.Null(packet);
        Assert.Equal(MqttErrorCode.UnsupportedPacketType, error!.Code);
        Assert.Same(PingReqPacket.Instance, ReadSingle(buffer));
    }

    /// <summary>Fixed-header flag nibbles forbidden by MQTT 3.1.1 section 2.2.2 are rejected.</summary>
    [Theory]
    [InlineData("C1 00")] // PINGREQ reserved bits
    [InlineData("D8 00")] // PINGRESP
    [InlineData("E2 00")] // DISCONNECT
    [InlineData("11 00")] // CONNECT
    [InlineData("24 02 00 00")] // CONNACK
    [InlineData("36 05 00 01 61 00 01")] // PUBLISH QoS 3
    [InlineData("3F 05 00 01 61 00 01")] // PUBLISH QoS 3 with DUP and RETAIN
    [InlineData("80 08 00 01 00 03 61 2F 62 00")] // SUBSCRIBE must have flags 0010
    [InlineData("60 02 00 01")] // PUBREL must have flags 0010
    public void TryRead_ForbiddenFixedHeaderFlags_IsInvalidFlags(string hex)
    {
        Assert.Equal(MqttErrorCode.InvalidFlags, ReadError(Hex(hex)).Code);
    }

    /// <summary>Only "MQTT" level 4 and "MQIsdp" level 3 CONNECTs are accepted.</summary>
    [Theory]
    [InlineData("10 18 00 04 4D 51 54 58 04 02 00 00 00 0C 4D 51 54 54 5F 41 44 4D 49 4E 5F 31")] // "MQTX"
    [InlineData("10 18 00 04 4D 51 54 54 03 02 00 00 00 0C 4D 51 54 54 5F 41 44 4D 49 4E 5F 31")] // "MQTT" level 3
    [InlineData("10 18 00 04 4D 51 54 54 05 02 00 00 00 0C 4D 51 54 54 5F 41 44 4D 49 4E 5F 31")] // MQTT 5
    [InlineData("10 1A 00 06 4D 51 49 73 64 70 04 02 00 00 00 0C 4D 51 54 54 5F 41 44 4D 49 4E 5F 31")] // "MQIsdp" level 4
    public void TryRead_ConnectWithWrongProtocolNameOrLevel_IsMalformedPacket(string hex)
    {
        Assert.Equal(MqttErrorCode.MalformedPacket, ReadError(Hex(hex)).Code);
    }

    /// <summary>Bodies that break their packet type's layout are malformed.</summary>
    [Theory]
    [InlineData("10 0E 00 04 4D 51 54 54 04 03 00 00 00 02 61 62")] // CONNECT reserved flag bit 0
    [InlineData("10 0E 00 04 4D 51 54 54 04 42 00 00 00 02 61 62")] // password without user name
    [InlineData("10 0E 00 04 4D 51 54 54 04 06 00 00 00 02 61 62")] // will flag without will topic
    [InlineData("10 0F 00 04 4D 51 54 54 04 02 00 00 00 02 61 62 00")] // trailing byte
    [InlineData("10 0E 00 04 4D 51 54 54 04 02 00 00 00 05 61 62")] // client id longer than the body
    [InlineData("20 03 00 00 00")] // CONNACK body of 3
    [InlineData("20 02 02 00")] // CONNACK reserved acknowledge flag
    [InlineData("30 04 00 05 61 62")] // topic longer than the body
    [InlineData("30 02 00 00")] // empty topic
    [InlineData("30 05 00 03 61 2F 23")] // wildcard topic a/#
    [InlineData("30 04 00 02 C3 28")] // invalid UTF-8 topic
    [InlineData("30 04 00 02 61 00")] // U+0000 in topic
    [InlineData("32 05 00 01 61 00 00")] // QoS 1 with packet id 0
    [InlineData("32 04 00 01 61 00")] // QoS 1 with truncated packet id
    [InlineData("C0 01 00")] // PINGREQ with a body
    [InlineData("E0 01 00")] // DISCONNECT with a body
    public void TryRead_BodyNotMatchingItsType_IsMalformedPacketAndLeavesBufferUnchanged(string hex)
    {
        Assert.Equal(MqttErrorCode.MalformedPacket, ReadError(Hex(hex)).Code);
    }
}
