using System.Buffers;
using System.IO.Pipelines;
using Pomelo.Akka.Protocol.Mqtt;

namespace Pomelo.Akka.Internal;

/// <summary>
/// One MQTT connection over a duplex pipe: a single reader, and writes from any thread serialised by a lock so
/// frames never interleave. A failed write marks the connection closed instead of throwing at the sender.
/// </summary>
internal sealed class MqttConnection
{
    private readonly IDuplexPipe _transport;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly CancellationTokenSource _closed = new();
    private int _closing;

    public MqttConnection(IDuplexPipe transport, int maxFrameSize)
    {
        _transport = transport;
        MaxFrameSize = maxFrameSize;
    }

    public int MaxFrameSize { get; }

    /// <summary>Gets a token cancelled when this side closes the connection or a write fails.</summary>
    public CancellationToken Closed => _closed.Token;

    public bool IsClosed => Volatile.Read(ref _closing) != 0;

    public ValueTask<MqttReadOutcome> ReadAsync(CancellationToken cancellationToken)
        => _transport.Input.ReadPacketAsync(MaxFrameSize, cancellationToken);

    public ValueTask<bool> SendAsync(MqttPacket packet, CancellationToken cancellationToken = default)
        => WriteAsync(static (output, state) => MqttCodec.Write(output, state.Packet!), new WriteState(packet, null, default), cancellationToken);

    public ValueTask<bool> PublishAsync(string topic, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken = default)
        => WriteAsync(static (output, state) => MqttCodec.WritePublish(output, state.Topic!, state.Payload.Span), new WriteState(null, topic, payload), cancellationToken);

    /// <summary>Writes several PUBLISH frames on one topic in order with a single flush (a batch for one peer).</summary>
    public ValueTask<bool> PublishManyAsync(string topic, IReadOnlyList<ReadOnlyMemory<byte>> payloads, CancellationToken cancellationToken = default)
        => WriteAsync(
            static (output, state) =>
            {
                foreach (var payload in state.Payloads!)
                {
                    MqttCodec.WritePublish(output, state.Topic!, payload.Span);
                }
            },
            new WriteState(null, topic, default, payloads),
            cancellationToken);

    /// <summary>Sends DISCONNECT (best effort) and completes both pipes.</summary>
    public async ValueTask CloseAsync(bool sendDisconnect)
    {
        if (Interlocked.Exchange(ref _closing, 1) != 0)
        {
            return;
        }

        if (sendDisconnect)
        {
            await WriteCoreAsync(static (output, _) => MqttCodec.Write(output, DisconnectPacket.Instance), default, CancellationToken.None, force: true).ConfigureAwait(false);
        }

        await _closed.CancelAsync().ConfigureAwait(false);
        await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            await _transport.Output.CompleteAsync().ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }

        _transport.Input.CancelPendingRead();
    }

    private ValueTask<bool> WriteAsync(Action<IBufferWriter<byte>, WriteState> write, WriteState state, CancellationToken cancellationToken)
    {
        if (IsClosed)
        {
            return ValueTask.FromResult(false);
        }

        return WriteCoreAsync(write, state, cancellationToken, force: false);
    }

    private async ValueTask<bool> WriteCoreAsync(Action<IBufferWriter<byte>, WriteState> write, WriteState state, CancellationToken cancellationToken, bool force)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (IsClosed && !force)
            {
                return false;
            }

            write(_transport.Output, state);
            var result = await _transport.Output.FlushAsync(cancellationToken).ConfigureAwait(false);
            if (result.IsCompleted || result.IsCanceled)
            {
                MarkBroken();
                return false;
            }

            return true;
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException or System.Net.Sockets.SocketException)
        {
            MarkBroken();
            return false;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private void MarkBroken()
    {
        if (Interlocked.Exchange(ref _closing, 1) == 0)
        {
            _closed.Cancel();
            _transport.Input.CancelPendingRead();
        }
    }

    private readonly record struct WriteState(MqttPacket? Packet, string? Topic, ReadOnlyMemory<byte> Payload, IReadOnlyList<ReadOnlyMemory<byte>>? Payloads = null);
}
