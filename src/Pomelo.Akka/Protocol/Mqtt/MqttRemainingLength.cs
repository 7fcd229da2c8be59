using System.Buffers;

namespace Pomelo.Akka.Protocol.Mqtt;

/// <summary>The MQTT variable-length "remaining length" integer: 7 bits per byte, little-endian groups, at most 4 bytes.</summary>
internal static class MqttRemainingLength
{
    /// <summary>The largest value 4 bytes can encode (268,435,455).</summary>
    public const int MaxValue = 0x0FFF_FFFF;

    /// <summary>The most bytes the encoding may use.</summary>
    public const int MaxBytes = 4;

    /// <summary>Outcome of <see cref="TryDecode"/>.</summary>
    public enum DecodeResult
    {
        /// <summary>More bytes are needed.</summary>
        Incomplete,

        /// <summary>The value was decoded.</summary>
        Decoded,

        /// <summary>The 4th byte still has its continuation bit set.</summary>
        Malformed,
    }

    /// <summary>Decodes the remaining length at the reader's position, advancing past it when decoded.</summary>
    /// <param name="reader">The reader, positioned just after the fixed header's first byte.</param>
    /// <param name="value">The decoded length.</param>
    /// <param name="byteCount">How many bytes the encoding used.</param>
    /// <returns>Whether the value was decoded, needs more bytes, or is malformed.</returns>
    public static DecodeResult TryDecode(ref SequenceReader<byte> reader, out int value, out int byteCount)
    {
        value = 0;
        byteCount = 0;
        var multiplier = 1;
        while (byteCount < MaxBytes)
        {
            if (!reader.TryRead(out var encoded))
            {
                return DecodeResult.Incomplete;
            }

            byteCount++;
            value += (encoded & 0x7F) * multiplier;
            if ((encoded & 0x80) == 0)
            {
                return DecodeResult.Decoded;
            }

            multiplier <<= 7;
        }

        return DecodeResult.Malformed;
    }

    /// <summary>How many bytes <paramref name="value"/> needs when encoded.</summary>
    /// <param name="value">A length between 0 and <see cref="MaxValue"/>.</param>
    /// <returns>1 to 4.</returns>
    public static int GetEncodedSize(int value) => value switch
    {
        < 0 or > MaxValue => throw new ArgumentOutOfRangeException(nameof(value), value, "MQTT remaining length must be 0..268435455."),
        < 0x80 => 1,
        < 0x4000 => 2,
        < 0x20_0000 => 3,
        _ => 4,
    };

    /// <summary>Encodes <paramref name="value"/> at the start of <paramref name="destination"/>.</summary>
    /// <param name="destination">Where to write; must hold <see cref="GetEncodedSize"/> bytes.</param>
    /// <param name="value">A length between 0 and <see cref="MaxValue"/>.</param>
    /// <returns>The number of bytes written.</returns>
    public static int Encode(Span<byte> destination, int value)
    {
        var size = GetEncodedSize(value);
        for (var i = 0; i < size; i++)
        {
            var digit = (byte)(value & 0x7F);
            value >>= 7;
            destination[i] = value > 0 ? (byte)(digit | 0x80) : digit;
        }

        return size;
    }
}
