using System.IO.Pipelines;
using Pomelo.Akka.Protocol.Mqtt;
using static Pomelo.Akka.Tests.Protocol.Mqtt.MqttTestBytes;

namespace Pomelo.Akka.Tests.Protocol.Mqtt;

/// <summary>Reading packets from a <see cref="System.IO.Pipelines.PipeReader"/>.</summary>
public sealed class MqttPipeReaderExtensionsTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private static readonly MqttPacket[] Packets =
    [
        new ConnectPacket("MQTT_ADMIN_1", 0),
        new PublishPacket("register", Pattern(20_000)),
        PingReqPacket.Instance,
        new PublishPacket("monitor", Pattern(200)),
        DisconnectPacket.Instance,
    ];

    /// <summary>Frames trickling in 7 bytes at a time are read in order, then a clean completion.</summary>
    [Fact]
    public async Task ReadPacketAsync_FramesWrittenInSmallChunks_ReturnsPacketsInOrderThenCompletes()
    {
        using var cts = new CancellationTokenSource(Timeout);
        var pipe = new Pipe();
        var bytes = Concat(Packets.Select(Encode).ToArray());
        var writing = Task.Run(async () =>
        {
            for (var offset = 0; offset < bytes.Length; offset += 7)
            {
                await pipe.Writer.WriteAsync(bytes.AsMemory(offset, Math.Min(7, bytes.Length - offset)), cts.Token);
            }

            await pipe.Writer.CompleteAsync();
        });

        var read = new List<MqttPacket>();
        MqttReadOutcome outcome;
        while ((outcome = await pipe.Reader.ReadPacketAsync(MqttCodec.DefaultMaxFrameSize, cts.Token)).Packet is { } packet)
        {
            read.Add(packet);
        }

        await writing;
        Assert.Equal(Packets, read);
        Assert.Equal(new MqttReadOutcome(null, null, Completed: true), outcome);
    }

    /// <summary>Each arrival of part of a frame is reported; a complete frame is not.</summary>
    [Fact]
    public async Task ReadPacketAsync_FrameArrivingInParts_ReportsEachPartBeforeTheFrame()
    {
        using var cts = new CancellationTokenSource(Timeout);
        var pipe = new Pipe();
        var frame = Encode(new PublishPacket("monitor", Pattern(30_000)));
        var parts = 0;
        var partSeen = new SemaphoreSlim(0);

        var reading = pipe.Reader.ReadPacketAsync(MqttCodec.DefaultMaxFrameSize, () => { parts++; partSeen.Release(); }, cts.Token).AsTask();
        await pipe.Writer.WriteAsync(frame.AsMemory(0, 10_000), cts.Token);
        Assert.True(await partSeen.WaitAsync(Timeout));
        await pipe.Writer.WriteAsync(frame.AsMemory(10_000, 10_000), cts.Token);
        Assert.True(await partSeen.WaitAsync(Timeout));
        Assert.False(reading.IsCompleted);
        await pipe.Writer.WriteAsync(frame.AsMemory(20_000), cts.Token);
        var outcome = await reading;

        Assert.Equal(2, parts);
        Assert.Equal(new PublishPacket("monitor", Pattern(30_000)), outcome.Packet);
        var whole = await Task.Run(async () =>
        {
            await pipe.Writer.WriteAsync(Encode(PingReqPacket.Instance), cts.Token);
            return await pipe.Reader.ReadPacketAsync(MqttCodec.DefaultMaxFrameSize, () => parts++, cts.Token);
        });
        Assert.Equal(PingReqPacket.Instance, whole.Packet);
        Assert.Equal(2, parts);
    }

    /// <summary>Frames already buffered are returned without waiting for more data.</summary>
    [Fact]
    public async Task ReadPacketAsync_SeveralFramesInOneFlush_ReturnsEachWithoutWaitingForMoreData()
    {
        using var cts = new CancellationTokenSource(Timeout);
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(Concat(Packets.Select(Encode).ToArray()), cts.Token);

        foreach (var expected in Packets)
        {
            var outcome = await pipe.Reader.ReadPacketAsync(MqttCodec.DefaultMaxFrameSize, cts.Token);
            Assert.Equal(expected, outcome.Packet);
        }
    }

    /// <summary>Leftover bytes when the writer completes are an unexpected end of stream.</summary>
    [Fact]
    public async Task ReadPacketAsync_StreamEndsInsideAFrame_IsUnexpectedEndOfStream()
    {
        using var cts = new CancellationTokenSource(Timeout);
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(Concat(Encode(PingReqPacket.Instance), Encode(new ConnectPacket("x", 5))[..6]), cts.Token);
        await pipe.Writer.CompleteAsync();

        var first = await pipe.Reader.ReadPacketAsync(MqttCodec.DefaultMaxFrameSize, cts.Token);
        var second = await pipe.Reader.ReadPacketAsync(MqttCodec.DefaultMaxFrameSize, cts.Token);

        Assert.Same(PingReqPacket.Instance, first.Packet);
        Assert.Null(second.Packet);
        Assert.False(second.Completed);
        Assert.Equal(MqttErrorCode.UnexpectedEndOfStream, second.Error?.Code);
    }

    /// <summary>An oversize header is rejected without waiting for its body.</summary>
    [Fact]
    public async Task ReadPacketAsync_OversizeHeaderWithoutBody_IsFrameTooLargeWithoutWaiting()
    {
        using var cts = new CancellationTokenSource(Timeout);
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(Hex("30 FF FF 7F"), cts.Token);

        var outcome = await pipe.Reader.ReadPacketAsync(MqttCodec.DefaultMaxFrameSize, cts.Token);

        Assert.Equal(MqttErrorCode.FrameTooLarge, outcome.Error?.Code);
    }

    /// <summary>After an unsupported frame the next packet can still be read.</summary>
    [Fact]
    public async Task ReadPacketAsync_UnsupportedFrame_IsSkippableError()
    {
        using var cts = new CancellationTokenSource(Timeout);
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(Concat(Hex("90 03 00 01 00"), Encode(PingRespPacket.Instance)), cts.Token);

        var skipped = await pipe.Reader.ReadPacketAsync(MqttCodec.DefaultMaxFrameSize, cts.Token);
        var next = await pipe.Reader.ReadPacketAsync(MqttCodec.DefaultMaxFrameSize, cts.Token);

        Assert.Equal(MqttErrorCode.UnsupportedPacketType, skipped.Error?.Code);
        Assert.Same(PingRespPacket.Instance, next.Packet);
    }

    /// <summary>Cancelling a wait throws and leaves the partial frame buffered for the next read.</summary>
    [Fact]
    public async Task ReadPacketAsync_CancelledWhileWaiting_ThrowsAndLeavesReaderUsable()
    {
        using var cts = new CancellationTokenSource(Timeout);
        var pipe = new Pipe();
        var frame = Encode(new PublishPacket("t", Pattern(10)));
        await pipe.Writer.WriteAsync(frame[..5], cts.Token);
        using var cancel = new CancellationTokenSource();

        var pending = pipe.Reader.ReadPacketAsync(MqttCodec.DefaultMaxFrameSize, cancel.Token).AsTask();
        Assert.False(pending.IsCompleted);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
        await pipe.Writer.WriteAsync(frame[5..], cts.Token);
        var outcome = await pipe.Reader.ReadPacketAsync(MqttCodec.DefaultMaxFrameSize, cts.Token);
        Assert.Equal(new PublishPacket("t", Pattern(10)), outcome.Packet);
    }

    /// <summary>PipeReader.CancelPendingRead surfaces as an OperationCanceledException.</summary>
    [Fact]
    public async Task ReadPacketAsync_CancelPendingRead_ThrowsOperationCanceled()
    {
        using var cts = new CancellationTokenSource(Timeout);
        var pipe = new Pipe();

        var pending = pipe.Reader.ReadPacketAsync(MqttCodec.DefaultMaxFrameSize, cts.Token).AsTask();
        pipe.Reader.CancelPendingRead();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
        await pipe.Writer.WriteAsync(Encode(PingReqPacket.Instance), cts.Token);
        Assert.Same(PingReqPacket.Instance, (await pipe.Reader.ReadPacketAsync(MqttCodec.DefaultMaxFrameSize, cts.Token)).Packet);
    }
}
