using System.Buffers;

namespace Pomelo.Akka.Internal;

/// <summary>
/// A PUBLISH payload in up to three consecutive parts: what was serialised into a scratch writer (an envelope's head),
/// then bytes written as they are (an already serialised body, never copied into the scratch), then a tail.
/// </summary>
internal readonly ref struct PayloadParts
{
    private readonly ReadOnlySpan<byte> _head;
    private readonly ReadOnlySpan<byte> _body;
    private readonly ReadOnlySpan<byte> _tail;

    public PayloadParts(ReadOnlySpan<byte> head, ReadOnlySpan<byte> body = default, ReadOnlySpan<byte> tail = default)
    {
        _head = head;
        _body = body;
        _tail = tail;
    }

    public int Length => _head.Length + _body.Length + _tail.Length;

    /// <summary>Copies the whole payload to <paramref name="output"/>.</summary>
    public void CopyTo(IBufferWriter<byte> output) => CopyTo(output, 0, Length);

    /// <summary>Copies <paramref name="count"/> bytes of the payload from <paramref name="offset"/> on to <paramref name="output"/>.</summary>
    public void CopyTo(IBufferWriter<byte> output, int offset, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan((long)offset + count, Length, nameof(count));
        for (var part = 0; part < 3; part++)
        {
            var span = part switch { 0 => _head, 1 => _body, _ => _tail };
            if (offset >= span.Length)
            {
                offset -= span.Length;
                continue;
            }

            var piece = Math.Min(count, span.Length - offset);
            if (piece > 0)
            {
                output.Write(span.Slice(offset, piece));
                count -= piece;
            }

            offset = 0;
            if (count == 0)
            {
                return;
            }
        }
    }
}
