using System.Buffers;
using System.Runtime.InteropServices;
using Pomelo.Akka.Protocol.Mqtt;
using static Pomelo.Akka.Tests.Protocol.Mqtt.MqttTestBytes;

namespace Pomelo.Akka.Tests.Protocol.Mqtt;

/// <summary><see cref="MqttCodec.TryReadBorrowing"/>: a PUBLISH payload points into the buffer unless it is split.</summary>
public sealed class MqttCodecBorrowingTests
{
    [Fact]
    public void TryReadBorrowing_PayloadInOneSegment_PointsIntoTheBuffer()
    {
        var frame = Encode(new PublishPacket("monitor", Pattern(100)));
        var buffer = new ReadOnlySequence<byte>(frame);

        Assert.Equal(MqttReadStatus.Packet, MqttCodec.TryReadBorrowing(ref buffer, MqttCodec.DefaultMaxFrameSize, out var packet, out var error));

        Assert.Null(error);
        var publish = Assert.IsType<PublishPacket>(packet);
        Assert.True(MemoryMarshal.TryGetArray(publish.Payload, out var segment));
        Assert.Same(frame, segment.Array);
        Assert.Equal(frame.Length - 100, segment.Offset);
        Assert.Equal(Pattern(100), publish.Payload.ToArray());
        Assert.True(buffer.IsEmpty);
    }

    [Fact]
    public void TryReadBorrowing_PayloadSplitOverSegments_IsCopied()
    {
        var frame = Encode(new PublishPacket("monitor", Pattern(100)));
        var buffer = Segmented(frame, 16);

        Assert.Equal(MqttReadStatus.Packet, MqttCodec.TryReadBorrowing(ref buffer, MqttCodec.DefaultMaxFrameSize, out var packet, out _));

        var publish = Assert.IsType<PublishPacket>(packet);
        Assert.True(MemoryMarshal.TryGetArray(publish.Payload, out var segment));
        Assert.NotSame(frame, segment.Array);
        Assert.Equal(Pattern(100), publish.Payload.ToArray());
    }

    [Fact]
    public void TryRead_PayloadInOneSegment_IsACopyTheBufferCanBeReusedUnder()
    {
        var frame = Encode(new PublishPacket("monitor", Pattern(100)));
        var buffer = new ReadOnlySequence<byte>(frame);

        Assert.Equal(MqttReadStatus.Packet, MqttCodec.TryRead(ref buffer, MqttCodec.DefaultMaxFrameSize, out var packet, out _));
        frame.AsSpan().Clear();

        Assert.Equal(Pattern(100), Assert.IsType<PublishPacket>(packet).Payload.ToArray());
    }
}
