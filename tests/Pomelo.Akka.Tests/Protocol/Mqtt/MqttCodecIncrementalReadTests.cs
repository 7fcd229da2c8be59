using System.Buffers;
using System.Text;
using Pomelo.Akka.Protocol.Mqtt;
using static Pomelo.Akka.Tests.Protocol.Mqtt.MqttTestBytes;

namespace Pomelo.Akka.Tests.Protocol.Mqtt;

/// <summary>Reading frames that arrive piecemeal, split across segments, or back to back.</summary>
public sealed class MqttCodecIncrementalReadTests
{
    /// <summary>Frames of every kind, including PUBLISH frames needing 2- and 3-byte remaining lengths.</summary>
    public static TheoryData<MqttPacket> Frames() => new()
    {
        new ConnectPacket("MQTT_ADMIN_1", 0),
        new ConnectPacket("клиент", 30, CleanSession: false),
        new ConnAckPacket(0),
        new PublishPacket("register", Encoding.UTF8.GetBytes("{\"serverId\":\"connector-1\"}")),
        new PublishPacket("monitor", Pattern(200)),
        new PublishPacket("monitor", Pattern(20_000)),
        new PublishPacket("qos1", Pattern(10)) { QualityOfService = 1, PacketId = 258 },
        PingReqPacket.Instance,
        PingRespPacket.Instance,
        DisconnectPacket.Instance,
    };

    /// <summary>A frame fed one byte at a time is incomplete, with nothing consumed, until its last byte.</summary>
    [Theory]
    [MemberData(nameof(Frames))]
    public void TryRead_BufferGrowingOneByteAtATime_IsIncompleteUntilTheLastByte(MqttPacket packet)
    {
        var frame = Encode(packet);

        for (var length = 0; length < frame.Length; length++)
        {
            var buffer = new ReadOnlySequence<byte>(frame, 0, length);
            var status = MqttCodec.TryRead(ref buffer, MqttCodec.DefaultMaxFrameSize, out var partial, out var error);

            Assert.True(status == MqttReadStatus.Incomplete, $"At {length}/{frame.Length} bytes: {status} {error}");
            Assert.Null(partial);
            Assert.Equal(length, buffer.Length);
        }

        Assert.Equal(packet, ReadSingle(frame));
    }

    /// <summary>Payloads of 200 and 20,000 bytes need 2- and 3-byte remaining lengths.</summary>
    [Theory]
    [InlineData(200, 2)]
    [InlineData(20_000, 3)]
    public void Write_LargePublish_UsesMultiByteRemainingLength(int payloadLength, int lengthBytes)
    {
        var frame = Encode(new PublishPacket("monitor", Pattern(payloadLength)));
        var remaining = 2 + "monitor".Length + payloadLength;

        Assert.Equal(1 + lengthBytes + remaining, frame.Length);
        Assert.All(frame.AsSpan(1, lengthBytes - 1).ToArray(), b => Assert.True(b >= 0x80));
        Assert.True(frame[lengthBytes] < 0x80);
    }

    /// <summary>Frames split across many sequence segments, even mid-field, still decode.</summary>
    [Theory]
    [MemberData(nameof(Frames))]
    public void TryRead_FrameSplitAcrossManySegments_ReturnsPacket(MqttPacket packet)
    {
        var frame = Encode(packet);

        foreach (var chunk in new[] { 1, 2, 3, 5, 7, 64 })
        {
            var sequence = Segmented(frame, chunk);
            Assert.False(sequence.IsSingleSegment && frame.Length > chunk);
            Assert.Equal(packet, ReadSingle(sequence));
        }
    }

    /// <summary>Consecutive frames in one buffer are read in order until the buffer is empty.</summary>
    [Fact]
    public void TryRead_SeveralFramesBackToBack_ReadsThemInOrder()
    {
        MqttPacket[] packets =
        [
            new ConnectPacket("MQTT_ADMIN_1", 0),
            new ConnAckPacket(0),
            new PublishPacket("register", Pattern(20_000)),
            PingReqPacket.Instance,
            new PublishPacket("monitor", Pattern(5)),
            PingRespPacket.Instance,
            DisconnectPacket.Instance,
        ];
        var all = Concat(packets.Select(Encode).ToArray());
        var buffer = Segmented(all, 1000);
        var read = new List<MqttPacket>();

        while (MqttCodec.TryRead(ref buffer, MqttCodec.DefaultMaxFrameSize, out var packet, out var error) == MqttReadStatus.Packet)
        {
            Assert.Null(error);
            read.Add(packet!);
        }

        Assert.Equal(packets, read);
        Assert.True(buffer.IsEmpty);
    }

    /// <summary>A whole frame is read while the partial frame after it stays buffered.</summary>
    [Fact]
    public void TryRead_FrameFollowedByPartialFrame_ReturnsFirstAndLeavesTheRest()
    {
        var second = Encode(new PublishPacket("monitor", Pattern(50)));
        var buffer = new ReadOnlySequence<byte>(Concat(Encode(PingReqPacket.Instance), second[..10]));

        Assert.Equal(MqttReadStatus.Packet, MqttCodec.TryRead(ref buffer, MqttCodec.DefaultMaxFrameSize, out var packet, out _));
        Assert.Same(PingReqPacket.Instance, packet);
        Assert.Equal(MqttReadStatus.Incomplete, MqttCodec.TryRead(ref buffer, MqttCodec.DefaultMaxFrameSize, out packet, out _));
        Assert.Null(packet);
        Assert.Equal(second[..10], buffer.ToArray());
    }
}
