using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using Pomelo.Akka.Protocol.Mqtt;

namespace Pomelo.Akka.Internal;

/// <summary>The read side: one reader hands out whole frames, several from one pipe buffer when they arrived together.</summary>
internal sealed partial class MqttConnection
{
    // Owned by the single reader: how many times it read the pipe.
    private long _bufferReads;

    // Owned by the single reader: the rest of the last pipe buffer, not yet advanced past: it may hold frames, and the
    // last packet handed out may borrow its payload from it.
    private ReadOnlySequence<byte>? _held;

    // Owned by the single reader: the array the last packet's payload was copied into when it spanned several buffer
    // segments (a large frame), rented from the shared pool and given back on the next read, like a borrowed payload.
    private byte[]? _rentedPayload;

    /// <summary>
    /// Gets how many times the reader took bytes from the pipe. Frames handed out between two changes arrived
    /// together; for the single reader only.
    /// </summary>
    public long BufferReads => _bufferReads;

    public ValueTask<MqttReadOutcome> ReadAsync(CancellationToken cancellationToken)
        => ReadAsync(null, cancellationToken);

    /// <summary>
    /// Reads one frame, calling <paramref name="onPartialFrame"/> whenever part of a frame arrives. Frames that
    /// arrived together are handed out one by one from the same pipe buffer: one pipe read (and one
    /// <see cref="PipeReader.AdvanceTo(SequencePosition, SequencePosition)"/>) per batch of bytes, not per frame.
    /// Single reader only.
    /// </summary>
    /// <remarks>
    /// A PUBLISH's payload is borrowed from the pipe's buffer (no copy per frame; a payload split over buffer segments
    /// is copied into a pooled array): it is valid only until the next read, which hands the memory back to the pipe
    /// or the pool. Parse it before reading again and copy whatever must outlive it
    /// (<see cref="Protocol.AdminMessageReader"/> does).
    /// </remarks>
    public ValueTask<MqttReadOutcome> ReadAsync(Action? onPartialFrame, CancellationToken cancellationToken)
    {
        if (_rentedPayload is { } done)
        {
            _rentedPayload = null;
            ArrayPool<byte>.Shared.Return(done);
        }

        if (_held is { } held)
        {
            if (!cancellationToken.IsCancellationRequested && !IsClosed)
            {
                var rest = held;
                var status = MqttCodec.TryReadBorrowing(ref rest, MaxFrameSize, ArrayPool<byte>.Shared, out var packet, out _rentedPayload, out var error);
                if (status != MqttReadStatus.Incomplete)
                {
                    _held = rest;
                    return ValueTask.FromResult(new MqttReadOutcome(packet, error, Completed: false));
                }
            }

            // Nothing whole is left (or the connection is closing): give the pipe its buffer back, unread bytes kept.
            _held = null;
            _transport.Input.AdvanceTo(held.Start, held.Start);
        }

        return ReadFromPipeAsync(onPartialFrame, cancellationToken);
    }

    // Pooled: a read loop waits here for every frame that does not arrive with others (each heartbeat of an idle
    // cluster), and a box per wait was most of what an idle master allocated (~200 B per heartbeat). Every caller
    // awaits the read once, as a pooled ValueTask requires.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<MqttReadOutcome> ReadFromPipeAsync(Action? onPartialFrame, CancellationToken cancellationToken)
    {
        var input = _transport.Input;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ReadResult result;
            try
            {
                // Closed needs no registration for the read: whatever cancels it also cancels the pending read (a
                // registration per connection stays in its token's callback list for the connection's life).
                result = await input.ReadAsync(cancellationToken == _closed.Token ? CancellationToken.None : cancellationToken).ConfigureAwait(false);
            }
            catch (IOException)
            {
                // The transport ended the stream with an error (ConnectionResetException: the peer reset the
                // connection). That is how a dead peer often goes, not a fault of this node: an end of stream.
                return new MqttReadOutcome(null, null, Completed: true, Reset: true);
            }

            _bufferReads++;
            var buffer = result.Buffer;
            if (result.IsCanceled)
            {
                input.AdvanceTo(buffer.Start, buffer.Start);
                throw new OperationCanceledException("The pending MQTT read was cancelled.", cancellationToken);
            }

            var rest = buffer;
            MqttReadStatus status;
            MqttPacket? packet;
            MqttProtocolError? error;
            try
            {
                status = MqttCodec.TryReadBorrowing(ref rest, MaxFrameSize, ArrayPool<byte>.Shared, out packet, out _rentedPayload, out error);
            }
            catch
            {
                input.AdvanceTo(buffer.Start, buffer.Start);
                throw;
            }

            if (status != MqttReadStatus.Incomplete)
            {
                if (status == MqttReadStatus.Error)
                {
                    input.AdvanceTo(rest.Start, rest.Start);
                }
                else
                {
                    // Keep the buffer: the packet's payload points into it, and bytes after this frame are handed out
                    // without another pipe read. The next read gives it back.
                    _held = rest;
                }

                return new MqttReadOutcome(packet, error, Completed: false);
            }

            var unread = buffer.Length;
            input.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted)
            {
                return unread == 0
                    ? new MqttReadOutcome(null, null, Completed: true)
                    : new MqttReadOutcome(null, new MqttProtocolError(
                        MqttErrorCode.UnexpectedEndOfStream,
                        $"The stream ended inside a frame with {unread} bytes unread."), Completed: false);
            }

            if (unread != 0)
            {
                onPartialFrame?.Invoke();
            }
        }
    }
}
