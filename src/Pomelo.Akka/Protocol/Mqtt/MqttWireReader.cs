using System.Buffers;
using System.Text;

namespace Pomelo.Akka.Protocol.Mqtt;

/// <summary>Reads the MQTT primitive fields (big-endian integers, length-prefixed UTF-8 strings and binary) from a frame body.</summary>
internal static class MqttWireReader
{
    /// <summary>Strict UTF-8: no BOM, throws on invalid bytes instead of substituting U+FFFD.</summary>
    public static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads a 2-byte big-endian unsigned integer.</summary>
    /// <param name="reader">The body reader.</param>
    /// <param name="value">The value read.</param>
    /// <returns>False when fewer than 2 bytes remain.</returns>
    public static bool TryReadUInt16(ref SequenceReader<byte> reader, out ushort value)
    {
        var ok = reader.TryReadBigEndian(out short raw);
        value = unchecked((ushort)raw);
        return ok;
    }

    /// <summary>Reads a length-prefixed UTF-8 string, rejecting invalid UTF-8 and U+0000 as MQTT requires.</summary>
    /// <param name="reader">The body reader.</param>
    /// <param name="field">The field's name, for the problem text.</param>
    /// <param name="value">The decoded string.</param>
    /// <param name="problem">Why the field is invalid, when it is.</param>
    /// <returns>False when the field is truncated or invalid.</returns>
    public static bool TryReadString(ref SequenceReader<byte> reader, string field, out string value, out string? problem)
    {
        value = string.Empty;
        if (!TryReadLengthPrefixed(ref reader, field, out var bytes, out problem))
        {
            return false;
        }

        if (bytes.PositionOf((byte)0) is not null)
        {
            problem = $"{field} contains U+0000.";
            return false;
        }

        try
        {
            value = StrictUtf8.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            problem = $"{field} is not valid UTF-8.";
            return false;
        }
    }

    /// <summary>Reads a 2-byte length and then that many bytes, without copying them.</summary>
    /// <param name="reader">The body reader.</param>
    /// <param name="field">The field's name, for the problem text.</param>
    /// <param name="bytes">A slice of the body holding the field's bytes.</param>
    /// <param name="problem">Why the field is invalid, when it is.</param>
    /// <returns>False when the field is truncated.</returns>
    public static bool TryReadLengthPrefixed(ref SequenceReader<byte> reader, string field, out ReadOnlySequence<byte> bytes, out string? problem)
    {
        bytes = ReadOnlySequence<byte>.Empty;
        if (!TryReadUInt16(ref reader, out var length))
        {
            problem = $"{field} length is truncated.";
            return false;
        }

        if (reader.Remaining < length)
        {
            problem = $"{field} declares {length} bytes but only {reader.Remaining} remain.";
            return false;
        }

        bytes = reader.UnreadSequence.Slice(0, length);
        reader.Advance(length);
        problem = null;
        return true;
    }
}
