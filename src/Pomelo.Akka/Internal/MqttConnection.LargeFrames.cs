using System.Buffers;
using Pomelo.Akka.Protocol.Mqtt;

namespace Pomelo.Akka.Internal;

/// <summary>
/// Large frames (a watchdog map for thousands of servers is hundreds of KB) go out in pieces of <see cref="ChunkSize"/>,
/// each flushed — and, past the transport's write-buffer limit, waited for — before the next is written. Written whole,
/// such a frame makes the transport's pipe allocate a buffer segment per 4 KB at once, and a pipe keeps the segments it
/// once needed for the connection's lifetime (~110 B each: ≈ 5 KB per monitor of a 2,000-server master, every
/// connection having received the map once). Frames written meanwhile are staged, in order, and follow the large one.
/// </summary>
internal sealed partial class MqttConnection
{
    /// <summary>Serialised payloads larger than this are written in pieces of this size.</summary>
    internal const int ChunkSize = 16 * 1024;

    /// <summary>Writes the headers and the first piece of a large PUBLISH and marks the connection as busy with it. Under the write gate.</summary>
    private bool TryStartLargeFrame(string topic, PayloadParts payload)
    {
        try
        {
            MqttCodec.WritePublishHeader(_transport.Output, topic, payload.Length);
            payload.CopyTo(_transport.Output, 0, ChunkSize);
            _unflushed = true;
            _chunked = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            return true;
        }
        catch (Exception ex) when (IsTransportError(ex))
        {
            MarkBroken();
            return false;
        }
    }

    /// <summary>Writes the rest of a large frame piece by piece, then the frames staged behind it.</summary>
    /// <param name="flush">The flush of the first piece.</param>
    /// <param name="large">The serialised payload (returned to the pool at the end).</param>
    /// <returns>Whether the whole frame was flushed.</returns>
    private async Task<bool> WriteRestOfLargeFrameAsync(Task<bool> flush, LargeFrame large)
    {
        var offset = ChunkSize;
        var ok = true;
        TaskCompletionSource<bool>? done = null;
        try
        {
            while (done is null)
            {
                ok = await flush.ConfigureAwait(false);
                Interlocked.Increment(ref _writers);
                lock (_writeGate)
                {
                    var written = false;
                    try
                    {
                        if (ok && !IsClosed)
                        {
                            var piece = Math.Min(ChunkSize, large.Length - offset);
                            written = TryWriteRaw(large.Parts, offset, piece);
                            offset += piece;
                        }

                        if (!written || offset >= large.Length)
                        {
                            // Done (or broken): the staged frames follow under the same gate, so nothing overtakes them.
                            if (written && _stagedBehind is { WrittenCount: > 0 } staged)
                            {
                                written = TryWriteRaw(new PayloadParts(staged.WrittenSpan), 0, staged.WrittenCount);
                            }

                            _stagedBehind = null;
                            done = _chunked;
                            _chunked = null;
                        }
                    }
                    finally
                    {
                        flush = LeaveGateLocked(written);
                    }
                }
            }

            ok = await flush.ConfigureAwait(false);
            return ok;
        }
        finally
        {
            _scratchPool.Return(large.Scratch);
            done?.TrySetResult(ok);
        }
    }

    /// <summary>Encodes a frame into the staging buffer, to follow the large frame being written. Under the write gate.</summary>
    private void StageLocked(Frame frame, PayloadParts payload)
    {
        var stage = _stagedBehind ??= new ArrayBufferWriter<byte>();
        if (frame.Packet is { } packet)
        {
            MqttCodec.Write(stage, packet);
        }
        else if (frame.Payloads is { } payloads)
        {
            foreach (var each in payloads)
            {
                MqttCodec.WritePublish(stage, frame.Topic!, each.Span);
            }
        }
        else
        {
            MqttCodec.WritePublishHeader(stage, frame.Topic!, payload.Length);
            payload.CopyTo(stage);
        }
    }

    private bool TryWriteRaw(PayloadParts payload, int offset, int count)
    {
        try
        {
            payload.CopyTo(_transport.Output, offset, count);
            _unflushed = true;
            return true;
        }
        catch (Exception ex) when (IsTransportError(ex))
        {
            MarkBroken();
            return false;
        }
    }

    /// <summary>A large frame's payload, kept until its last piece is written: the scratch's bytes, then the splice's.</summary>
    private readonly record struct LargeFrame(ScratchWriterPool.ScratchWriter Scratch, int Length, Splice Splice)
    {
        public PayloadParts Parts => new(Scratch.WrittenSpan, Splice.Body.Span, Splice.Tail.Span);
    }

    /// <summary>Bytes written after a payload's serialised head as they are (see <see cref="PublishSplicedAsync"/>).</summary>
    private readonly record struct Splice(ReadOnlyMemory<byte> Body, ReadOnlyMemory<byte> Tail);
}
