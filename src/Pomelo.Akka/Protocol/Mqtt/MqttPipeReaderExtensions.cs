using System.IO.Pipelines;

namespace Pomelo.Akka.Protocol.Mqtt;

/// <summary>Reads MQTT packets from a <see cref="PipeReader"/> with <see cref="MqttCodec.TryRead"/>.</summary>
public static class MqttPipeReaderExtensions
{
    /// <summary>
    /// Reads until one packet, a protocol error, or the end of the stream. A clean end (no buffered bytes) gives
    /// <see cref="MqttReadOutcome.Completed"/>; an end in the middle of a frame gives
    /// <see cref="MqttErrorCode.UnexpectedEndOfStream"/>. After <see cref="MqttErrorCode.UnsupportedPacketType"/>
    /// the skipped frame is consumed and reading may continue; after any other error the connection should be closed.
    /// </summary>
    /// <param name="reader">The pipe to read from; every buffer obtained is advanced before returning.</param>
    /// <param name="maxFrameSize">The largest whole frame accepted, header included.</param>
    /// <param name="cancellationToken">Cancels the wait for more bytes.</param>
    /// <returns>The packet, error, or completion.</returns>
    /// <exception cref="OperationCanceledException">
    /// The token was cancelled, or a pending read was cancelled with <see cref="PipeReader.CancelPendingRead"/>.
    /// </exception>
    public static ValueTask<MqttReadOutcome> ReadPacketAsync(
        this PipeReader reader, int maxFrameSize, CancellationToken cancellationToken = default)
        => reader.ReadPacketAsync(maxFrameSize, null, cancellationToken);

    /// <summary>
    /// Reads one frame, as <see cref="ReadPacketAsync(PipeReader, int, CancellationToken)"/>, calling
    /// <paramref name="onPartialFrame"/> each time bytes of a frame arrive that do not complete it yet (a large frame
    /// arriving slowly is proof that its sender is alive).
    /// </summary>
    /// <param name="reader">The transport's input.</param>
    /// <param name="maxFrameSize">The largest frame accepted.</param>
    /// <param name="onPartialFrame">Called when part of a frame arrived; null for none.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>A packet, a protocol error, or the end of the stream.</returns>
    public static async ValueTask<MqttReadOutcome> ReadPacketAsync(
        this PipeReader reader, int maxFrameSize, Action? onPartialFrame, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFrameSize, 2);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            var consumed = buffer.Start;
            var examined = buffer.End;
            try
            {
                if (result.IsCanceled)
                {
                    examined = consumed;
                    throw new OperationCanceledException("The pending MQTT read was cancelled.", cancellationToken);
                }

                var rest = buffer;
                var status = MqttCodec.TryRead(ref rest, maxFrameSize, out var packet, out var error);
                if (status != MqttReadStatus.Incomplete)
                {
                    // Nothing past the frame was examined: a following frame may already be buffered.
                    consumed = rest.Start;
                    examined = consumed;
                    return new MqttReadOutcome(packet, error, Completed: false);
                }

                if (!result.IsCompleted && !buffer.IsEmpty)
                {
                    onPartialFrame?.Invoke();
                }

                if (result.IsCompleted)
                {
                    return buffer.IsEmpty
                        ? new MqttReadOutcome(null, null, Completed: true)
                        : new MqttReadOutcome(null, new MqttProtocolError(
                            MqttErrorCode.UnexpectedEndOfStream,
                            $"The stream ended inside a frame with {buffer.Length} bytes unread."), Completed: false);
                }
            }
            finally
            {
                reader.AdvanceTo(consumed, examined);
            }
        }
    }
}
