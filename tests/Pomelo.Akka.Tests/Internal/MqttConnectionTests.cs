using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Pomelo.Akka.Internal;
using Pomelo.Akka.Protocol;
using Pomelo.Akka.Protocol.Mqtt;
using Pomelo.Akka.Tests.TestSupport;

namespace Pomelo.Akka.Tests.Internal;

public sealed class MqttConnectionTests
{
    private const int MaxFrame = 1 << 20;

    [Fact]
    public async Task PublishAsync_ConcurrentWriters_EveryFrameArrivesWhole()
    {
        var (connection, peer) = Pair(new PipeOptions(useSynchronizationContext: false));
        const int Writers = 8;
        const int PerWriter = 500;

        var writes = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < PerWriter; i++)
            {
                Assert.True(await connection.PublishAsync("t", (w, i), static (json, a) => json.WriteNumberValue(a.w * 100_000 + a.i)));
            }
        })).ToArray();

        var seen = new HashSet<int>();
        while (seen.Count < Writers * PerWriter)
        {
            var outcome = await peer.ReadAsync(CancellationToken.None).AsTask().WaitAsync(Wait.Timeout);
            var publish = Assert.IsType<PublishPacket>(outcome.Packet);
            Assert.True(seen.Add(int.Parse(Encoding.UTF8.GetString(publish.Payload.Span), System.Globalization.CultureInfo.InvariantCulture)));
        }

        await Task.WhenAll(writes).WaitAsync(Wait.Timeout);
        var lastPerWriter = seen.GroupBy(v => v / 100_000).Select(g => g.Count());
        Assert.All(lastPerWriter, count => Assert.Equal(PerWriter, count));
    }

    [Fact]
    public async Task PublishAsync_WhileFlushWaitsOnBackPressure_WaitsForTheNextFlushThatCarriesIt()
    {
        var (connection, peer) = Pair(new PipeOptions(pauseWriterThreshold: 64, resumeWriterThreshold: 32, useSynchronizationContext: false));

        var first = connection.PublishAsync("t", new byte[100]).AsTask();
        Assert.False(first.IsCompleted, "the first flush should wait for the reader");
        var second = connection.PublishAsync("t", (Key: 7, Pad: 0), static (json, a) => json.WriteNumberValue(a.Key)).AsTask();
        Assert.False(second.IsCompleted, "a frame written during a pending flush completes when a flush carried it");

        // A payload is borrowed from the pipe until the next read: check each before reading on.
        var one = Assert.IsType<PublishPacket>((await peer.ReadAsync(CancellationToken.None).AsTask().WaitAsync(Wait.Timeout)).Packet);
        Assert.Equal(100, one.Payload.Length);
        var two = Assert.IsType<PublishPacket>((await peer.ReadAsync(CancellationToken.None).AsTask().WaitAsync(Wait.Timeout)).Packet);
        Assert.Equal("7", Encoding.UTF8.GetString(two.Payload.Span));
        Assert.True(await first.WaitAsync(Wait.Timeout));
        Assert.True(await second.WaitAsync(Wait.Timeout));
    }

    [Fact]
    public async Task PublishAsync_PayloadCannotBeSerialised_ThrowsAndNothingReachesTheWire()
    {
        var (connection, peer) = Pair(new PipeOptions(useSynchronizationContext: false));

        Assert.Throws<JsonException>(() => connection.PublishAsync("t", 0, static (json, _) =>
        {
            json.WriteStartObject();
            json.WriteString("half", "written");
            throw new JsonException("cannot serialise");
        }));

        Assert.False(connection.IsClosed);
        Assert.True(await connection.PublishAsync("t", 0, static (json, _) => json.WriteStringValue("ok")));
        var publish = Assert.IsType<PublishPacket>((await peer.ReadAsync(CancellationToken.None).AsTask().WaitAsync(Wait.Timeout)).Packet);
        Assert.Equal("\"ok\"", Encoding.UTF8.GetString(publish.Payload.Span));
    }

    [Fact]
    public async Task SendAsync_PeerStoppedReading_ReturnsFalseAndMarksClosed()
    {
        var toPeer = new Pipe(new PipeOptions(useSynchronizationContext: false));
        var connection = new MqttConnection(new Duplex(new Pipe().Reader, toPeer.Writer), MaxFrame);
        await toPeer.Reader.CompleteAsync();

        Assert.False(await connection.SendAsync(PingReqPacket.Instance));

        Assert.True(connection.IsClosed);
        Assert.True(connection.Closed.IsCancellationRequested);
        Assert.False(await connection.PublishAsync("t", new byte[1]));
    }

    [Fact]
    public async Task CloseAsync_SendDisconnect_PeerReadsDisconnectThenEnd()
    {
        var (connection, peer) = Pair(new PipeOptions(useSynchronizationContext: false));

        await connection.CloseAsync(sendDisconnect: true);

        Assert.IsType<DisconnectPacket>((await peer.ReadAsync(CancellationToken.None).AsTask().WaitAsync(Wait.Timeout)).Packet);
        Assert.Null((await peer.ReadAsync(CancellationToken.None).AsTask().WaitAsync(Wait.Timeout)).Packet);
        Assert.False(await connection.SendAsync(PingReqPacket.Instance));
    }

    [Fact]
    public async Task PublishEachAsync_Batch_EveryPayloadArrivesInOrder()
    {
        var (connection, peer) = Pair(new PipeOptions(useSynchronizationContext: false));

        Assert.True(await connection.PublishEachAsync("t", 300, 1000, static (json, offset, i) => json.WriteNumberValue(offset + i)));

        for (var i = 0; i < 300; i++)
        {
            var outcome = await peer.ReadAsync(CancellationToken.None).AsTask().WaitAsync(Wait.Timeout);
            var publish = Assert.IsType<PublishPacket>(outcome.Packet);
            Assert.Equal("t", publish.Topic);
            Assert.Equal((1000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), Encoding.UTF8.GetString(publish.Payload.Span));
        }
    }

    [Fact]
    public async Task PublishEachAsync_SerialisationFails_ThrowsAndSendsThePayloadsBefore()
    {
        var (connection, peer) = Pair(new PipeOptions(useSynchronizationContext: false));

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await connection.PublishEachAsync("t", 5, 0, static (json, _, i) =>
        {
            if (i == 2)
            {
                throw new InvalidOperationException("boom");
            }

            json.WriteNumberValue(i);
        }));
        Assert.True(await connection.PublishAsync("t", 9, static (json, v) => json.WriteNumberValue(v)));

        foreach (var expected in new[] { "0", "1", "9" })
        {
            var outcome = await peer.ReadAsync(CancellationToken.None).AsTask().WaitAsync(Wait.Timeout);
            Assert.Equal(expected, Encoding.UTF8.GetString(Assert.IsType<PublishPacket>(outcome.Packet).Payload.Span));
        }
    }

    [Fact]
    public async Task ReadAsync_SeveralFramesAndAPartialOneInOneBuffer_HandsOutEachThenWaitsForTheRest()
    {
        var fromPeer = new Pipe(new PipeOptions(useSynchronizationContext: false));
        var connection = new MqttConnection(new Duplex(fromPeer.Reader, new Pipe().Writer), MaxFrame);
        var frames = new Pipe();
        for (var i = 0; i < 3; i++)
        {
            MqttCodec.WritePublish(frames.Writer, "t", [(byte)('a' + i)]);
        }

        await frames.Writer.FlushAsync();
        frames.Writer.Complete();
        var bytes = (await frames.Reader.ReadAsync()).Buffer.ToArray();

        // Three whole frames and the first two bytes of a fourth arrive together.
        await fromPeer.Writer.WriteAsync(bytes.Concat(bytes.Take(2)).ToArray());
        foreach (var expected in "abc")
        {
            var outcome = await connection.ReadAsync(CancellationToken.None).AsTask().WaitAsync(Wait.Timeout);
            Assert.Equal((byte)expected, Assert.IsType<PublishPacket>(outcome.Packet).Payload.Span[0]);
        }

        var fourth = connection.ReadAsync(CancellationToken.None).AsTask();
        Assert.False(fourth.IsCompleted);
        await fromPeer.Writer.WriteAsync(bytes.Skip(2).Take((bytes.Length / 3) - 2).ToArray());
        Assert.Equal((byte)'a', Assert.IsType<PublishPacket>((await fourth.WaitAsync(Wait.Timeout)).Packet).Payload.Span[0]);

        fromPeer.Writer.Complete();
        Assert.True((await connection.ReadAsync(CancellationToken.None).AsTask().WaitAsync(Wait.Timeout)).Completed);
    }

    [Fact]
    public async Task ReadAsync_ClosedWhileFramesAreBuffered_StopsHandingThemOut()
    {
        var fromPeer = new Pipe(new PipeOptions(useSynchronizationContext: false));
        var connection = new MqttConnection(new Duplex(fromPeer.Reader, new Pipe().Writer), MaxFrame);
        var frames = new Pipe();
        MqttCodec.WritePublish(frames.Writer, "t", "1"u8);
        MqttCodec.WritePublish(frames.Writer, "t", "2"u8);
        await frames.Writer.FlushAsync();
        frames.Writer.Complete();
        await fromPeer.Writer.WriteAsync((await frames.Reader.ReadAsync()).Buffer.ToArray());

        Assert.IsType<PublishPacket>((await connection.ReadAsync(CancellationToken.None)).Packet);
        await connection.CloseAsync(sendDisconnect: false);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await connection.ReadAsync(CancellationToken.None).AsTask().WaitAsync(Wait.Timeout));
    }

    [Fact]
    public async Task OutputDrained_CalledWhenAFlushHeldByBackPressureGoesThrough_NotForFlushesThatDidNotWait()
    {
        var (connection, peer) = Pair(new PipeOptions(pauseWriterThreshold: 64, resumeWriterThreshold: 32, useSynchronizationContext: false));
        var drained = 0;
        connection.OutputDrained = () => Interlocked.Increment(ref drained);

        Assert.True(await connection.PublishAsync("t", new byte[10]).AsTask().WaitAsync(Wait.Timeout));
        Assert.Equal(0, drained);
        Assert.IsType<PublishPacket>((await peer.ReadAsync(CancellationToken.None).AsTask().WaitAsync(Wait.Timeout)).Packet);

        var held = connection.PublishAsync("t", new byte[100]).AsTask();
        Assert.False(held.IsCompleted, "the flush waits for the peer to read");
        Assert.Equal(0, drained);

        Assert.IsType<PublishPacket>((await peer.ReadAsync(CancellationToken.None).AsTask().WaitAsync(Wait.Timeout)).Packet);
        _ = peer.ReadAsync(CancellationToken.None).AsTask(); // gives the pipe back the buffer the payload was borrowed from
        Assert.True(await held.WaitAsync(Wait.Timeout));
        Assert.Equal(1, Volatile.Read(ref drained));
    }

    [Fact]
    public async Task ReadAsync_TransportResetByPeer_EndsTheStreamAsAResetInsteadOfThrowing()
    {
        var fromPeer = new Pipe(new PipeOptions(useSynchronizationContext: false));
        var connection = new MqttConnection(new Duplex(fromPeer.Reader, new Pipe().Writer), MaxFrame);
        var frames = new Pipe();
        MqttCodec.WritePublish(frames.Writer, "t", "1"u8);
        await frames.Writer.FlushAsync();
        await fromPeer.Writer.WriteAsync((await frames.Reader.ReadAsync()).Buffer.ToArray());

        Assert.IsType<PublishPacket>((await connection.ReadAsync(CancellationToken.None)).Packet);
        var pending = connection.ReadAsync(CancellationToken.None).AsTask();
        await fromPeer.Writer.CompleteAsync(new Microsoft.AspNetCore.Connections.ConnectionResetException("Connection reset by peer"));

        var end = await pending.WaitAsync(Wait.Timeout);
        Assert.Null(end.Packet);
        Assert.Null(end.Error);
        Assert.True(end.Completed);
        Assert.True(end.Reset);
    }

    [Fact]
    public async Task ReadAsync_PeerClosesCleanly_EndsTheStreamWithoutReset()
    {
        var fromPeer = new Pipe(new PipeOptions(useSynchronizationContext: false));
        var connection = new MqttConnection(new Duplex(fromPeer.Reader, new Pipe().Writer), MaxFrame);
        await fromPeer.Writer.CompleteAsync();

        var end = await connection.ReadAsync(CancellationToken.None).AsTask().WaitAsync(Wait.Timeout);
        Assert.True(end.Completed);
        Assert.False(end.Reset);
    }

    [Fact]
    public async Task PublishAsync_ConnectionsSharingOneScratchPool_EachSendsItsOwnPayload()
    {
        var pool = new ScratchWriterPool(1);
        var (first, firstPeer) = Pair(new PipeOptions(useSynchronizationContext: false), pool);
        var (second, secondPeer) = Pair(new PipeOptions(useSynchronizationContext: false), pool);

        var writes = Enumerable.Range(0, 200).Select(i => Task.Run(async () =>
        {
            Assert.True(await (i % 2 == 0 ? first : second).PublishAsync("t", i, static (json, n) => json.WriteStringValue(new string('x', n % 7) + n.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        })).ToArray();
        await Task.WhenAll(writes).WaitAsync(Wait.Timeout);

        foreach (var (peer, parity) in new[] { (firstPeer, 0), (secondPeer, 1) })
        {
            for (var k = 0; k < 100; k++)
            {
                var publish = Assert.IsType<PublishPacket>((await peer.ReadAsync(CancellationToken.None).AsTask().WaitAsync(Wait.Timeout)).Packet);
                var text = JsonSerializer.Deserialize<string>(publish.Payload.Span)!;
                var n = int.Parse(text.TrimStart('x'), System.Globalization.CultureInfo.InvariantCulture);
                Assert.Equal(parity, n % 2);
                Assert.Equal(new string('x', n % 7) + n.ToString(System.Globalization.CultureInfo.InvariantCulture), text);
            }
        }
    }

    [Fact]
    public async Task PublishAsync_SerialiserThrows_NothingSentAndTheScratchIsCleanForTheNextWrite()
    {
        var pool = new ScratchWriterPool(1);
        var (connection, peer) = Pair(new PipeOptions(useSynchronizationContext: false), pool);

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await connection.PublishAsync("t", 0, static (json, _) =>
        {
            json.WriteStartObject();
            json.WriteString("half", "written");
            throw new InvalidOperationException("boom");
        }));
        Assert.True(await connection.PublishAsync("t", 5, static (json, n) => json.WriteNumberValue(n)));

        var publish = Assert.IsType<PublishPacket>((await peer.ReadAsync(CancellationToken.None).AsTask().WaitAsync(Wait.Timeout)).Packet);
        Assert.Equal("5", Encoding.UTF8.GetString(publish.Payload.Span));
    }

    [Fact]
    public void Closed_LifetimeTokenFires_IsCancelledButTheConnectionStaysOpen()
    {
        using var lifetime = new CancellationTokenSource();
        var toPeer = new Pipe();
        var fromPeer = new Pipe();
        var connection = new MqttConnection(new Duplex(fromPeer.Reader, toPeer.Writer), MaxFrame, null, lifetime.Token);
        Assert.False(connection.Closed.IsCancellationRequested);

        lifetime.Cancel();

        Assert.True(connection.Closed.IsCancellationRequested);
        Assert.False(connection.IsClosed);
    }

    [Fact]
    public async Task ReadWithClosed_Pending_EndsWhenTheLifetimeEnds()
    {
        using var lifetime = new CancellationTokenSource();
        var fromPeer = new Pipe(new PipeOptions(useSynchronizationContext: false));
        var connection = new MqttConnection(new Duplex(fromPeer.Reader, new Pipe().Writer), MaxFrame, null, lifetime.Token);
        var read = connection.ReadAsync(connection.Closed).AsTask();
        Assert.False(read.IsCompleted);

        await lifetime.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read.WaitAsync(Wait.Timeout));
    }

    [Fact]
    public async Task ReadWithClosed_Pending_EndsWhenTheConnectionIsClosed()
    {
        var fromPeer = new Pipe(new PipeOptions(useSynchronizationContext: false));
        var connection = new MqttConnection(new Duplex(fromPeer.Reader, new Pipe().Writer), MaxFrame);
        var read = connection.ReadAsync(connection.Closed).AsTask();
        Assert.False(read.IsCompleted);

        await connection.CloseAsync(sendDisconnect: false).AsTask().WaitAsync(Wait.Timeout);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read.WaitAsync(Wait.Timeout));
    }

    [Fact]
    public async Task ReadWithClosed_Pending_EndsWhenAWriteFindsTheTransportGone()
    {
        var fromPeer = new Pipe(new PipeOptions(useSynchronizationContext: false));
        var toPeer = new Pipe(new PipeOptions(useSynchronizationContext: false));
        var connection = new MqttConnection(new Duplex(fromPeer.Reader, toPeer.Writer), MaxFrame);
        var read = connection.ReadAsync(connection.Closed).AsTask();
        await toPeer.Reader.CompleteAsync();

        Assert.False(await connection.SendAsync(PingReqPacket.Instance).AsTask().WaitAsync(Wait.Timeout));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read.WaitAsync(Wait.Timeout));
        Assert.True(connection.IsClosed);
    }

    [Fact]
    public async Task BufferReads_FramesThatArrivedTogether_ShareOneCount()
    {
        var fromPeer = new Pipe(new PipeOptions(useSynchronizationContext: false));
        var connection = new MqttConnection(new Duplex(fromPeer.Reader, new Pipe().Writer), MaxFrame);
        var frames = new ArrayBufferWriter<byte>();
        MqttCodec.WritePublish(frames, "t", "1"u8);
        MqttCodec.WritePublish(frames, "t", "2"u8);
        await fromPeer.Writer.WriteAsync(frames.WrittenMemory);

        await connection.ReadAsync(CancellationToken.None).AsTask().WaitAsync(Wait.Timeout);
        var first = connection.BufferReads;
        await connection.ReadAsync(CancellationToken.None).AsTask().WaitAsync(Wait.Timeout);
        Assert.Equal(first, connection.BufferReads);

        var third = new ArrayBufferWriter<byte>();
        MqttCodec.WritePublish(third, "t", "3"u8);
        await fromPeer.Writer.WriteAsync(third.WrittenMemory);
        var outcome = await connection.ReadAsync(CancellationToken.None).AsTask().WaitAsync(Wait.Timeout);
        Assert.Equal("3"u8.ToArray(), Assert.IsType<PublishPacket>(outcome.Packet).Payload.ToArray());
        Assert.True(connection.BufferReads > first);
    }

    [Fact]
    public async Task ReadAsync_MessagesParsedFromBorrowedPayloads_OutliveThePipeBuffersTheyCameFrom()
    {
        var fromPeer = new Pipe(new PipeOptions(minimumSegmentSize: 4096, useSynchronizationContext: false));
        var connection = new MqttConnection(new Duplex(fromPeer.Reader, new Pipe().Writer), MaxFrame);
        var messages = new List<AdminMessage>();
        const int Batches = 20;
        const int PerBatch = 50;
        for (var batch = 0; batch < Batches; batch++)
        {
            // Each batch arrives in one write: the frames are handed out of one pipe buffer, which is then given back
            // to the pipe's pool and filled with the next batch.
            var frames = new ArrayBufferWriter<byte>();
            for (var i = 0; i < PerBatch; i++)
            {
                var seq = (batch * PerBatch) + i;
                MqttCodec.WritePublish(frames, "monitor", Encoding.UTF8.GetBytes($$$"""{"moduleId":"m","body":{"seq":{{{seq}}},"pad":"{{{new string((char)('a' + (seq % 26)), 40)}}}"}}"""));
            }

            await fromPeer.Writer.WriteAsync(frames.WrittenMemory);
            for (var i = 0; i < PerBatch; i++)
            {
                var publish = Assert.IsType<PublishPacket>((await connection.ReadAsync(CancellationToken.None).AsTask().WaitAsync(Wait.Timeout)).Packet);
                Assert.True(AdminMessageReader.TryReadMessage(publish.Payload.Span, out var message, out var error), error);
                messages.Add(message);
            }
        }

        for (var seq = 0; seq < messages.Count; seq++)
        {
            var body = Assert.IsType<NotifyMessage>(messages[seq]).Body!.Value;
            Assert.Equal(seq, body.GetProperty("seq").GetInt32());
            Assert.Equal(new string((char)('a' + (seq % 26)), 40), body.GetProperty("pad").GetString());
        }
    }

    private static (MqttConnection Connection, MqttConnection Peer) Pair(PipeOptions toPeerOptions, ScratchWriterPool? pool = null)
    {
        var toPeer = new Pipe(toPeerOptions);
        var fromPeer = new Pipe(new PipeOptions(useSynchronizationContext: false));
        return (new MqttConnection(new Duplex(fromPeer.Reader, toPeer.Writer), MaxFrame, pool), new MqttConnection(new Duplex(toPeer.Reader, fromPeer.Writer), MaxFrame));
    }

    private sealed class Duplex(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }
}
