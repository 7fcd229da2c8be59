using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using Pomelo.Akka.Protocol.Mqtt;

namespace Pomelo.Akka.Internal;

/// <summary>
/// One MQTT connection over a duplex pipe: a single reader, and writes from any thread. A write encodes its frame
/// straight into the transport's <see cref="PipeWriter"/> under a short synchronous lock, so frames never interleave;
/// flushes are coalesced: a writer that sees others queued behind it leaves the flush to the last of them, and frames
/// written while a flush waits on back-pressure go out with the next flush, which their writers await. A failed write
/// marks the connection closed instead of throwing at the sender.
/// </summary>
internal sealed partial class MqttConnection
{
    private static readonly Task<bool> Flushed = Task.FromResult(true);
    private static readonly Task<bool> Broken = Task.FromResult(false);

    private readonly IDuplexPipe _transport;
    private readonly ScratchWriterPool _scratchPool;
    private readonly Lock _writeGate = new();
    private readonly CancellationTokenSource _closed;
    private int _closing;

    // Writers that have announced themselves but not yet left the gate: whoever leaves last owns the flush.
    private int _writers;

    // Guarded by _writeGate.
    private bool _unflushed;
    private bool _dirty;
    private Task<bool>? _flushing;
    private TaskCompletionSource<bool>? _chunked;
    private ArrayBufferWriter<byte>? _stagedBehind;

    /// <summary>Creates a connection over <paramref name="transport"/>.</summary>
    /// <param name="transport">The transport's pipes.</param>
    /// <param name="maxFrameSize">The largest frame read.</param>
    /// <param name="scratchPool">
    /// Where envelopes are serialised: a pool shared by many connections (the master's), or null for one of this
    /// connection's own that keeps a single writer.
    /// </param>
    /// <param name="lifetime">
    /// Also cancels <see cref="Closed"/> (the peer closed the socket, the host stops), so a read loop needs no linked
    /// token source of its own; it does not close the connection.
    /// </param>
    public MqttConnection(IDuplexPipe transport, int maxFrameSize, ScratchWriterPool? scratchPool = null, CancellationToken lifetime = default)
    {
        _transport = transport;
        MaxFrameSize = maxFrameSize;
        _scratchPool = scratchPool ?? new ScratchWriterPool(1);
        _closed = new CancellationTokenSource();
        if (lifetime.CanBeCanceled)
        {
            // Not a linked source: the end of the lifetime also cancels a pending read itself, so a read loop that
            // reads with Closed needs no registration of its own on every read (ReadFromPipeAsync).
            lifetime.UnsafeRegister(static s => ((MqttConnection)s!).OnLifetimeEnded(), this);
        }
    }

    public int MaxFrameSize { get; }

    /// <summary>Gets a token cancelled when this side closes the connection, a write fails, or the lifetime token given at construction fires.</summary>
    public CancellationToken Closed => _closed.Token;

    public bool IsClosed => Volatile.Read(ref _closing) != 0;

    /// <summary>
    /// Gets a value indicating whether output is still on its way: a large frame going out piece by piece, or a flush
    /// held by the peer's back-pressure (read without the write gate: a snapshot).
    /// </summary>
    public bool IsSending => Volatile.Read(ref _chunked) is not null || Volatile.Read(ref _flushing) is not null;

    /// <summary>
    /// Gets or sets what to call when a flush that waited on back-pressure completes: the transport took bytes the peer
    /// had not read yet, so the peer is reading — evidence of life while it is too busy reading to heartbeat. Set once,
    /// before writing; called on the flushing thread, so it must be quick and must not throw.
    /// </summary>
    public Action? OutputDrained { get; set; }

    public ValueTask<bool> SendAsync(MqttPacket packet, CancellationToken cancellationToken = default)
        => WriteAsync(new Frame(packet, null, default), cancellationToken, force: false);

    public ValueTask<bool> PublishAsync(string topic, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken = default)
        => WriteAsync(new Frame(null, topic, payload), cancellationToken, force: false);

    /// <summary>Writes several PUBLISH frames on one topic, in order and together (a batch for one peer).</summary>
    public ValueTask<bool> PublishManyAsync(string topic, IReadOnlyList<ReadOnlyMemory<byte>> payloads, CancellationToken cancellationToken = default)
        => WriteAsync(new Frame(null, topic, default, payloads), cancellationToken, force: false);

    /// <summary>
    /// Publishes a payload that <paramref name="writePayload"/> serialises into a reusable scratch writer (rented from
    /// the scratch pool for this write only). A serialisation error propagates to the caller and nothing reaches the wire.
    /// </summary>
    public ValueTask<bool> PublishAsync<TArg>(string topic, TArg arg, Action<Utf8JsonWriter, TArg> writePayload, CancellationToken cancellationToken = default)
        => WriteAsync(new Frame(null, topic, default), cancellationToken, force: false, arg, writePayload, default);

    /// <summary>
    /// Publishes a payload made of what <paramref name="writeHead"/> serialises into the scratch writer, then
    /// <paramref name="body"/> as it is, then <paramref name="tail"/>: an envelope around an already serialised body
    /// (the watchdog's map, shared by every subscriber) costs no copy of the body into a scratch buffer. The body and
    /// tail must stay unchanged until the returned task completes.
    /// </summary>
    public ValueTask<bool> PublishSplicedAsync<TArg>(string topic, TArg arg, Action<Utf8JsonWriter, TArg> writeHead, ReadOnlyMemory<byte> body, ReadOnlyMemory<byte> tail, CancellationToken cancellationToken = default)
        => WriteAsync(new Frame(null, topic, default), cancellationToken, force: false, arg, writeHead, new Splice(body, tail));

    /// <summary>
    /// Publishes <paramref name="count"/> payloads on one topic, in order, in one turn of the write lock and with one
    /// flush (a sender's batch, as pomelo's peers write many messages per event-loop turn): <paramref name="writePayload"/>
    /// serialises payload <c>i</c> into the reusable scratch writer. A serialisation error propagates to the caller; the
    /// payloads before it are sent, the rest are not. The returned task completes once the batch is flushed, so a
    /// sender that awaits it respects the socket's back-pressure.
    /// </summary>
    public ValueTask<bool> PublishEachAsync<TArg>(string topic, int count, TArg arg, Action<Utf8JsonWriter, TArg, int> writePayload, CancellationToken cancellationToken = default)
    {
        if (Refused(force: false, cancellationToken) is { } refused)
        {
            return refused;
        }

        Interlocked.Increment(ref _writers);
        Task<bool> done;
        lock (_writeGate)
        {
            var written = count == 0;
            var scratch = _scratchPool.Rent();
            var staging = _chunked is not null;
            try
            {
                for (var i = 0; i < count && !IsClosed; i++)
                {
                    scratch.Clear();
                    var payload = new PayloadParts(Serialise(scratch, (arg, i, writePayload), static (w, a) => a.writePayload(w, a.arg, a.i)));
                    if (staging)
                    {
                        // A large frame is going out in pieces: the batch waits for it, staged.
                        StageLocked(new Frame(null, topic, default), payload);
                        written = true;
                        continue;
                    }

                    written = TryWriteFrame(new Frame(null, topic, default), payload);
                    if (!written)
                    {
                        break;
                    }
                }
            }
            finally
            {
                _scratchPool.Return(scratch);
                done = LeaveGateLocked(written);
            }

            if (staging)
            {
                done = _chunked!.Task;
            }
        }

        return Completion(done, cancellationToken);
    }

    /// <summary>Sends DISCONNECT (best effort) and completes both pipes.</summary>
    public async ValueTask CloseAsync(bool sendDisconnect)
    {
        if (Interlocked.Exchange(ref _closing, 1) != 0)
        {
            return;
        }

        if (sendDisconnect)
        {
            await WriteAsync(new Frame(DisconnectPacket.Instance, null, default), CancellationToken.None, force: true).ConfigureAwait(false);
        }

        await _closed.CancelAsync().ConfigureAwait(false);
        lock (_writeGate)
        {
            try
            {
                _transport.Output.Complete();
            }
            catch (Exception ex) when (IsTransportError(ex))
            {
                // Already torn down by the transport.
            }
        }

        _transport.Input.CancelPendingRead();
    }

    private ValueTask<bool> WriteAsync(Frame frame, CancellationToken cancellationToken, bool force)
        => WriteAsync<object?>(frame, cancellationToken, force, null, null, default);

    private ValueTask<bool> WriteAsync<TArg>(Frame frame, CancellationToken cancellationToken, bool force, TArg arg, Action<Utf8JsonWriter, TArg>? writePayload, Splice splice)
    {
        if (Refused(force, cancellationToken) is { } refused)
        {
            return refused;
        }

        Interlocked.Increment(ref _writers);
        Task<bool> done;
        LargeFrame? large = null;
        Task<bool>? staged = null;
        lock (_writeGate)
        {
            var written = false;
            var scratch = writePayload is null ? null : _scratchPool.Rent();
            try
            {
                if (!IsClosed || force)
                {
                    var payload = new PayloadParts(scratch is null ? frame.Payload.Span : Serialise(scratch, arg, writePayload!), splice.Body.Span, splice.Tail.Span);
                    if (_chunked is { } chunked)
                    {
                        // A large frame is going out in pieces: this one goes out after it, staged in order.
                        StageLocked(frame, payload);
                        staged = chunked.Task;
                        written = true;
                    }
                    else if (scratch is not null && payload.Length > ChunkSize && frame.Topic is { } topic)
                    {
                        written = TryStartLargeFrame(topic, payload);
                        if (written)
                        {
                            large = new LargeFrame(scratch, payload.Length, splice);
                            scratch = null;
                        }
                    }
                    else
                    {
                        written = TryWriteFrame(frame, payload);
                    }
                }
            }
            finally
            {
                if (scratch is not null)
                {
                    _scratchPool.Return(scratch);
                }

                // Runs also when serialisation threw: earlier writers may have left their flush to this one.
                done = LeaveGateLocked(written);
            }
        }

        if (large is { } rest)
        {
            // The frame goes out whole whatever happens to the caller (half a frame would corrupt the stream), but a
            // caller that gives up waiting for it is released.
            return Completion(WriteRestOfLargeFrameAsync(done, rest), cancellationToken);
        }

        return Completion(staged ?? done, cancellationToken);
    }

    /// <summary>Refuses a write at once: false when closed (unless forced), cancelled when asked; null to go on.</summary>
    private ValueTask<bool>? Refused(bool force, CancellationToken cancellationToken)
    {
        if (IsClosed && !force)
        {
            return ValueTask.FromResult(false);
        }

        return cancellationToken.IsCancellationRequested ? ValueTask.FromCanceled<bool>(cancellationToken) : null;
    }

    /// <summary>A write's result: its flush (or the large frame it is staged behind), awaited with the caller's token.</summary>
    private static ValueTask<bool> Completion(Task<bool> done, CancellationToken cancellationToken)
    {
        if (done.IsCompleted)
        {
            return ValueTask.FromResult(done.Result);
        }

        return new ValueTask<bool>(cancellationToken.CanBeCanceled ? done.WaitAsync(cancellationToken) : done);
    }

    private static ReadOnlySpan<byte> Serialise<TArg>(ScratchWriterPool.ScratchWriter scratch, TArg arg, Action<Utf8JsonWriter, TArg> writePayload)
    {
        writePayload(scratch.Json, arg);
        scratch.Json.Flush();
        return scratch.WrittenSpan;
    }

    private bool TryWriteFrame(Frame frame, PayloadParts payload)
    {
        try
        {
            if (frame.Packet is { } packet)
            {
                MqttCodec.Write(_transport.Output, packet);
            }
            else if (frame.Payloads is { } payloads)
            {
                foreach (var each in payloads)
                {
                    MqttCodec.WritePublish(_transport.Output, frame.Topic!, each.Span);
                }
            }
            else
            {
                MqttCodec.WritePublishHeader(_transport.Output, frame.Topic!, payload.Length);
                payload.CopyTo(_transport.Output);
            }

            _unflushed = true;
            return true;
        }
        catch (Exception ex) when (IsTransportError(ex))
        {
            MarkBroken();
            return false;
        }
    }

    private static bool IsTransportError(Exception ex)
        => ex is IOException or ObjectDisposedException or InvalidOperationException or System.Net.Sockets.SocketException;

    private void OnLifetimeEnded()
    {
        _closed.Cancel();
        _transport.Input.CancelPendingRead();
    }

    private void MarkBroken()
    {
        if (Interlocked.Exchange(ref _closing, 1) == 0)
        {
            _closed.Cancel();
            _transport.Input.CancelPendingRead();
        }
    }

    private readonly record struct Frame(MqttPacket? Packet, string? Topic, ReadOnlyMemory<byte> Payload, IReadOnlyList<ReadOnlyMemory<byte>>? Payloads = null);
}
