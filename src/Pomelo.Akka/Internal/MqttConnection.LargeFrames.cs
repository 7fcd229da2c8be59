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
    private bool TryStartLargeFrame(string topic, ReadOnlySpan<byte> payload)
    {
        try
        {
            MqttCodec.WritePublishHeader(_transport.Output, topic, payload.Length);
            _transport.Output.Write(payload[..ChunkSize]);
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
                            written = TryWriteRaw(large.Scratch.WrittenSpan.Slice(offset, piece));
                            offset += piece;
                        }

                        if (!written || offset >= large.Length)
                        {
                            // Done (or broken): the staged frames follow under the same gate, so nothing overtakes them.
                            if (written && _stagedBehind is { WrittenCount: > 0 } staged)
                            {
                                written = TryWriteRaw(staged.WrittenSpan);
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
    private void StageLocked(Frame frame, ReadOnlySpan<byte> payload)
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
            MqttCodec.WritePublish(stage, frame.Topic!, payload);
        }
    }

    private bool TryWriteRaw(ReadOnlySpan<byte> bytes)
    {
        try
        {
            _transport.Output.Write(bytes);
            _unflushed = true;
            return true;
        }
        catch (Exception ex) when (IsTransportError(ex))
        {
            MarkBroken();
            return false;
        }
    }

    /// <summary>A large frame's serialised payload, kept until its last piece is written.</summary>
    private readonly record struct LargeFrame(ScratchWriterPool.ScratchWriter Scratch, int Length);
}
