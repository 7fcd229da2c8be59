using System.IO.Pipelines;
using System.Text;
using Pomelo.Akka.Internal;
using Pomelo.Akka.Modules.Watchdog;
using Pomelo.Akka.Protocol;
using Pomelo.Akka.Protocol.Mqtt;
using Pomelo.Akka.Tests.TestSupport;

namespace Pomelo.Akka.Tests.Modules.Watchdog;

/// <summary><see cref="WatchdogSender"/>: flow control, and batches written in flushed pieces.</summary>
public sealed class WatchdogSenderTests
{
    private const int MaxFrame = 1 << 20;
    private const int Threshold = 4 * 1024;

    [Fact]
    public async Task Send_ABatchLargerThanOneWrite_GoesOutInFlushedPieces_InOrder_AndTheListenerIsBusyMeanwhile()
    {
        var toPeer = new Pipe(new PipeOptions(pauseWriterThreshold: Threshold, resumeWriterThreshold: Threshold / 2, useSynchronizationContext: false));
        var (connection, peer) = ConnectionPair.Create(toPeer, MaxFrame);
        var idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sender = new WatchdogSender(_ => connection, (_, _) => Task.CompletedTask, () => idle.TrySetResult());
        var notifies = Enumerable.Range(0, WatchdogSender.AckEvery).Select(i => Notify(i, 600)).ToArray();

        Assert.Equal(1, sender.Send([new WatchdogSend("a", notifies[..^1], Encoding.UTF8.GetBytes("{}"), notifies[^1])]));

        // Nobody reads yet: one piece is in the pipe, the rest waits for its flush.
        await Eventually.TrueAsync(() => ConnectionPair.Buffered(toPeer.Reader) > 0, "the first piece is written");
        Assert.InRange(ConnectionPair.Buffered(toPeer.Reader), 1, WatchdogSender.MaxBytesPerWrite + 64);
        Assert.True(sender.IsBusy("a"));

        for (var i = 0; i < notifies.Length; i++)
        {
            var publish = Assert.IsType<PublishPacket>((await peer.ReadAsync(CancellationToken.None).AsTask().WaitAsync(Wait.Timeout)).Packet);
            Assert.Equal(notifies[i].ToArray(), publish.Payload.ToArray());
        }

        // The reader's next read hands the last bytes back to the pipe, and the last piece's flush completes.
        var next = peer.ReadAsync(CancellationToken.None).AsTask();
        await idle.Task.WaitAsync(Wait.Timeout);
        Assert.False(next.IsCompleted);
        Assert.False(sender.IsBusy("a"));
    }

    [Fact]
    public async Task Send_PastTheAcknowledgementLimit_SendsTheLastChangeAsARequestBehindEveryPiece_AndIsBusyUntilAnswered()
    {
        var toPeer = new Pipe(new PipeOptions(pauseWriterThreshold: Threshold, resumeWriterThreshold: Threshold / 2, useSynchronizationContext: false));
        var (connection, peer) = ConnectionPair.Create(toPeer, MaxFrame);
        var answered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var request = Encoding.UTF8.GetBytes("""{"reqId":1,"moduleId":"__monitorwatcher__","body":{"action":"addServer"}}""");

        // As the master's watchdog does, the request goes out on the listener's connection.
        var sender = new WatchdogSender(_ => connection, (_, _) => connection.PublishAsync(AdminTopics.Monitor, request).AsTask().ContinueWith(_ => answered.Task).Unwrap(), () => { });
        var notifies = Enumerable.Range(0, 100).Select(i => Notify(i, 600)).ToArray();

        sender.Send([new WatchdogSend("a", notifies[..^1], Encoding.UTF8.GetBytes("""{"action":"addServer"}"""), notifies[^1])]);
        for (var i = 0; i < notifies.Length - 1; i++)
        {
            var publish = Assert.IsType<PublishPacket>((await peer.ReadAsync(CancellationToken.None).AsTask().WaitAsync(Wait.Timeout)).Packet);
            Assert.Equal(notifies[i].ToArray(), publish.Payload.ToArray());
        }

        var last = Assert.IsType<PublishPacket>((await peer.ReadAsync(CancellationToken.None).AsTask().WaitAsync(Wait.Timeout)).Packet);
        Assert.Equal(request, last.Payload.ToArray());
        Assert.True(sender.IsBusy("a"));

        answered.SetResult();
        await Eventually.TrueAsync(() => !sender.IsBusy("a"), "idle once answered");
    }

    [Fact]
    public async Task Send_ToAListenerWhoseConnectionIsClosed_WritesNothing_AndLeavesItIdle()
    {
        var toPeer = new Pipe(new PipeOptions(useSynchronizationContext: false));
        var (connection, _) = ConnectionPair.Create(toPeer, MaxFrame);
        await connection.CloseAsync(sendDisconnect: false).AsTask().WaitAsync(Wait.Timeout);
        var requests = 0;
        var sender = new WatchdogSender(_ => connection, (_, _) => { requests++; return Task.CompletedTask; }, () => { });

        Assert.Equal(0, sender.Send([new WatchdogSend("a", [.. Enumerable.Range(0, 99).Select(i => Notify(i, 600))], Encoding.UTF8.GetBytes("{}"), Notify(99, 600))]));

        Assert.Equal(0, requests);
        Assert.False(sender.IsBusy("a"));
    }

    private static ReadOnlyMemory<byte> Notify(int i, int size)
        => Encoding.UTF8.GetBytes("{\"moduleId\":\"__monitorwatcher__\",\"body\":{\"action\":\"addServer\",\"server\":{\"id\":\"s-" + i + "\",\"pad\":\"" + new string('x', size) + "\"}}}");
}
