using System.IO.Pipelines;
using System.Text;
using Pomelo.Akka.Internal;
using Pomelo.Akka.Protocol.Mqtt;
using Pomelo.Akka.Tests.TestSupport;

namespace Pomelo.Akka.Tests.Internal;

public sealed class MqttConnectionLargeFrameTests
{
    private const int MaxFrame = 1 << 20;
    private const int Threshold = 16 * 1024;

    [Fact]
    public async Task PublishAsync_LargePayload_NeverStagesMuchMoreThanTheWriteBufferAndArrivesWhole()
    {
        var toPeer = new Pipe(new PipeOptions(pauseWriterThreshold: Threshold, resumeWriterThreshold: Threshold / 2, useSynchronizationContext: false));
        var (connection, peer) = ConnectionPair.Create(toPeer, MaxFrame);
        var text = new string('x', 300 * 1024);

        var write = connection.PublishAsync("t", text, static (json, s) => json.WriteStringValue(s)).AsTask();

        // Nobody reads yet: the writer stops after a piece or two instead of staging all 300 KB in the pipe.
        await Eventually.TrueAsync(() => ConnectionPair.Buffered(toPeer.Reader) > 0, "the first piece is written");
        Assert.False(write.IsCompleted);
        Assert.InRange(ConnectionPair.Buffered(toPeer.Reader), 1, Threshold + MqttConnection.ChunkSize + 64);

        var publish = Assert.IsType<PublishPacket>((await peer.ReadAsync(CancellationToken.None).AsTask().WaitAsync(Wait.Timeout)).Packet);
        Assert.Equal('"' + text + '"', Encoding.UTF8.GetString(publish.Payload.Span));
        Assert.True(await write.WaitAsync(Wait.Timeout));
    }

    [Fact]
    public async Task IsSending_WhileALargeFrameWaitsForItsReader_AndNotOnceItIsRead()
    {
        var toPeer = new Pipe(new PipeOptions(pauseWriterThreshold: Threshold, resumeWriterThreshold: Threshold / 2, useSynchronizationContext: false));
        var (connection, peer) = ConnectionPair.Create(toPeer, MaxFrame);
        Assert.False(connection.IsSending);

        var write = connection.PublishAsync("t", new string('x', 300 * 1024), static (json, s) => json.WriteStringValue(s)).AsTask();
        await Eventually.TrueAsync(() => ConnectionPair.Buffered(toPeer.Reader) > 0, "the first piece is written");
        Assert.True(connection.IsSending);

        await peer.ReadAsync(CancellationToken.None).AsTask().WaitAsync(Wait.Timeout);
        Assert.True(await write.WaitAsync(Wait.Timeout));
        Assert.False(connection.IsSending);
    }

    [Fact]
    public async Task PublishAsync_FramesWrittenDuringALargeOne_FollowItInOrder()
    {
        var toPeer = new Pipe(new PipeOptions(pauseWriterThreshold: Threshold, resumeWriterThreshold: Threshold / 2, useSynchronizationContext: false));
        var (connection, peer) = ConnectionPair.Create(toPeer, MaxFrame);
        var large = connection.PublishAsync("big", new string('y', 100 * 1024), static (json, s) => json.WriteStringValue(s)).AsTask();
        await Eventually.TrueAsync(() => ConnectionPair.Buffered(toPeer.Reader) > 0, "the first piece is written");

        // Written while the large frame is still going out: a packet, single publishes, a batch.
        var small = new List<Task<bool>>
        {
            connection.PublishAsync("s", 1, static (json, i) => json.WriteNumberValue(i)).AsTask(),
            connection.SendAsync(PingReqPacket.Instance).AsTask(),
            connection.PublishManyAsync("s", [Encoding.UTF8.GetBytes("2"), Encoding.UTF8.GetBytes("3")]).AsTask(),
            connection.PublishEachAsync("s", 2, 4, static (json, first, i) => json.WriteNumberValue(first + i)).AsTask(),
        };
        Assert.All(small, t => Assert.False(t.IsCompleted));

        var big = Assert.IsType<PublishPacket>((await peer.ReadAsync(CancellationToken.None).AsTask().WaitAsync(Wait.Timeout)).Packet);
        Assert.Equal("big", big.Topic);
        Assert.Equal(100 * 1024 + 2, big.Payload.Length);
        var after = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            after.Add((await peer.ReadAsync(CancellationToken.None).AsTask().WaitAsync(Wait.Timeout)).Packet switch
            {
                PublishPacket p => Encoding.UTF8.GetString(p.Payload.Span),
                var other => other?.GetType().Name ?? "end",
            });
        }

        Assert.Equal(["1", nameof(PingReqPacket), "2", "3", "4", "5"], after);
        Assert.All(await Task.WhenAll(small).WaitAsync(Wait.Timeout), Assert.True);
        Assert.True(await large.WaitAsync(Wait.Timeout));
    }

    [Theory]
    [InlineData(5 * 1024)]
    [InlineData(100 * 1024)]
    public async Task PublishSplicedAsync_HeadBodyAndTail_ArriveAsOnePayload(int bodyLength)
    {
        var toPeer = new Pipe(new PipeOptions(pauseWriterThreshold: Threshold, resumeWriterThreshold: Threshold / 2, useSynchronizationContext: false));
        var (connection, peer) = ConnectionPair.Create(toPeer, MaxFrame);
        var body = Encoding.UTF8.GetBytes('"' + new string('b', bodyLength) + '"');

        var write = connection.PublishSplicedAsync("t", 7, static (json, n) =>
        {
            json.WriteStartObject();
            json.WriteNumber("n", n);
            json.WritePropertyName("body");
        }, body, "}"u8.ToArray()).AsTask();

        var publish = Assert.IsType<PublishPacket>((await peer.ReadAsync(CancellationToken.None).AsTask().WaitAsync(Wait.Timeout)).Packet);
        Assert.Equal("t", publish.Topic);
        Assert.Equal("{\"n\":7,\"body\":" + Encoding.UTF8.GetString(body) + "}", Encoding.UTF8.GetString(publish.Payload.Span));
        Assert.True(await write.WaitAsync(Wait.Timeout));
    }

    [Fact]
    public async Task PublishSplicedAsync_WrittenDuringALargeFrame_IsStagedWholeAndFollowsIt()
    {
        var toPeer = new Pipe(new PipeOptions(pauseWriterThreshold: Threshold, resumeWriterThreshold: Threshold / 2, useSynchronizationContext: false));
        var (connection, peer) = ConnectionPair.Create(toPeer, MaxFrame);
        var large = connection.PublishAsync("big", new string('y', 100 * 1024), static (json, s) => json.WriteStringValue(s)).AsTask();
        await Eventually.TrueAsync(() => ConnectionPair.Buffered(toPeer.Reader) > 0, "the first piece is written");
        var body = Encoding.UTF8.GetBytes('"' + new string('s', 40 * 1024) + '"');

        var spliced = connection.PublishSplicedAsync("s", 0, static (json, _) => json.WriteStartArray(), body, "]"u8.ToArray()).AsTask();
        Assert.False(spliced.IsCompleted);

        Assert.Equal("big", Assert.IsType<PublishPacket>((await peer.ReadAsync(CancellationToken.None).AsTask().WaitAsync(Wait.Timeout)).Packet).Topic);
        var after = Assert.IsType<PublishPacket>((await peer.ReadAsync(CancellationToken.None).AsTask().WaitAsync(Wait.Timeout)).Packet);
        Assert.Equal("[" + Encoding.UTF8.GetString(body) + "]", Encoding.UTF8.GetString(after.Payload.Span));

        // The next read gives the pipe back the buffer the payload was borrowed from, which ends the back-pressure.
        _ = peer.ReadAsync(CancellationToken.None).AsTask();
        Assert.True(await spliced.WaitAsync(Wait.Timeout));
        Assert.True(await large.WaitAsync(Wait.Timeout));
    }

    [Fact]
    public async Task PublishAsync_LargeFrameCallerCancels_IsReleasedAndTheFrameStillArrivesWhole()
    {
        var toPeer = new Pipe(new PipeOptions(pauseWriterThreshold: Threshold, resumeWriterThreshold: Threshold / 2, useSynchronizationContext: false));
        var (connection, peer) = ConnectionPair.Create(toPeer, MaxFrame);
        using var cancel = new CancellationTokenSource();
        var text = new string('c', 100 * 1024);

        var write = connection.PublishAsync("big", text, static (json, s) => json.WriteStringValue(s), cancel.Token).AsTask();
        await Eventually.TrueAsync(() => ConnectionPair.Buffered(toPeer.Reader) > 0, "the first piece is written");
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => write.WaitAsync(Wait.Timeout));
        var publish = Assert.IsType<PublishPacket>((await peer.ReadAsync(CancellationToken.None).AsTask().WaitAsync(Wait.Timeout)).Packet);
        Assert.Equal('"' + text + '"', Encoding.UTF8.GetString(publish.Payload.Span));
    }

    [Fact]
    public async Task CloseAsync_DuringALargeFrame_CompletesAndStagedWritesReportNotSent()
    {
        var toPeer = new Pipe(new PipeOptions(pauseWriterThreshold: Threshold, resumeWriterThreshold: Threshold / 2, useSynchronizationContext: false));
        var (connection, _) = ConnectionPair.Create(toPeer, MaxFrame);
        var large = connection.PublishAsync("big", new string('z', 200 * 1024), static (json, s) => json.WriteStringValue(s)).AsTask();
        await Eventually.TrueAsync(() => ConnectionPair.Buffered(toPeer.Reader) > 0, "the first piece is written");
        var staged = connection.PublishAsync("s", 1, static (json, i) => json.WriteNumberValue(i)).AsTask();

        var close = connection.CloseAsync(sendDisconnect: true).AsTask();
        await toPeer.Reader.CompleteAsync(); // the peer goes away: the waiting flush ends

        await close.WaitAsync(Wait.Timeout);
        Assert.False(await large.WaitAsync(Wait.Timeout));
        Assert.False(await staged.WaitAsync(Wait.Timeout));
        Assert.True(connection.IsClosed);
    }
}
