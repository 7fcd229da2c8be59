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

        Assert.Equal(MqttReadStatus.Packet, MqttCodec.TryReadBorrowing(ref buffer, MqttCodec.DefaultMaxFrameSize, ArrayPool<byte>.Create(), out var packet, out var rented, out var error));

        Assert.Null(error);
        Assert.Null(rented);
        var publish = Assert.IsType<PublishPacket>(packet);
        Assert.True(MemoryMarshal.TryGetArray(publish.Payload, out var segment));
        Assert.Same(frame, segment.Array);
        Assert.Equal(frame.Length - 100, segment.Offset);
        Assert.Equal(Pattern(100), publish.Payload.ToArray());
        Assert.True(buffer.IsEmpty);
    }

    [Fact]
    public void TryReadBorrowing_PayloadSplitOverSegments_IsCopiedIntoAnArrayRentedFromThePool()
    {
        var frame = Encode(new PublishPacket("monitor", Pattern(100)));
        var buffer = Segmented(frame, 16);
        var pool = new CountingPool();

        Assert.Equal(MqttReadStatus.Packet, MqttCodec.TryReadBorrowing(ref buffer, MqttCodec.DefaultMaxFrameSize, pool, out var packet, out var rented, out _));

        var publish = Assert.IsType<PublishPacket>(packet);
        Assert.True(MemoryMarshal.TryGetArray(publish.Payload, out var segment));
        Assert.NotNull(rented);
        Assert.Same(rented, segment.Array);
        Assert.Equal((0, 100), (segment.Offset, segment.Count));
        Assert.Equal(1, pool.Rents);
        Assert.Equal(Pattern(100), publish.Payload.ToArray());
        Assert.True(buffer.IsEmpty);
    }

    [Fact]
    public void TryReadBorrowing_ANonPublishFrameSplitOverSegments_RentsNothing()
    {
        var buffer = Segmented([.. Encode(PingReqPacket.Instance), .. Encode(new PublishPacket("monitor", Pattern(3)))], 1);
        var pool = new CountingPool();

        Assert.Equal(MqttReadStatus.Packet, MqttCodec.TryReadBorrowing(ref buffer, MqttCodec.DefaultMaxFrameSize, pool, out var packet, out var rented, out _));

        Assert.IsType<PingReqPacket>(packet);
        Assert.Null(rented);
        Assert.Equal(0, pool.Rents);
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

    private sealed class CountingPool : ArrayPool<byte>
    {
        public int Rents { get; private set; }

        public override byte[] Rent(int minimumLength)
        {
            Rents++;
            return new byte[minimumLength + 7];
        }

        public override void Return(byte[] array, bool clearArray = false)
        {
        }
    }
}
