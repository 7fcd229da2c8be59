using System.Buffers;
using Pomelo.Akka.Protocol.Mqtt;

namespace Pomelo.Akka.Tests.Protocol.Mqtt;

/// <summary>Byte-level helpers shared by the MQTT codec tests.</summary>
internal static class MqttTestBytes
{
    public static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", string.Empty));

    public static byte[] Encode(MqttPacket packet)
    {
        var writer = new ArrayBufferWriter<byte>();
        MqttCodec.Write(writer, packet);
        return writer.WrittenSpan.ToArray();
    }

    public static byte[] Concat(params byte[][] parts) => parts.SelectMany(part => part).ToArray();

    public static byte[] Pattern(int length) => Enumerable.Range(0, length).Select(i => (byte)(i * 7 + (i >> 8))).ToArray();

    /// <summary>Splits <paramref name="data"/> into a sequence with one segment per chunk of <paramref name="chunkSize"/> bytes.</summary>
    public static ReadOnlySequence<byte> Segmented(byte[] data, int chunkSize)
    {
        var first = new BufferSegment(data.AsMemory(0, Math.Min(chunkSize, data.Length)), 0);
        var last = first;
        for (var offset = chunkSize; offset < data.Length; offset += chunkSize)
        {
            last = last.Append(data.AsMemory(offset, Math.Min(chunkSize, data.Length - offset)));
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    /// <summary>Reads exactly one packet that must span the whole of <paramref name="frame"/>.</summary>
    public static MqttPacket ReadSingle(byte[] frame) => ReadSingle(new ReadOnlySequence<byte>(frame));

    public static MqttPacket ReadSingle(ReadOnlySequence<byte> buffer)
    {
        var status = MqttCodec.TryRead(ref buffer, MqttCodec.DefaultMaxFrameSize, out var packet, out var error);
        Assert.True(status == MqttReadStatus.Packet, $"Expected a packet, got {status}: {error}");
        Assert.True(buffer.IsEmpty, $"{buffer.Length} bytes were left after the frame.");
        return packet!;
    }

    /// <summary>Reads <paramref name="frame"/> expecting an error; asserts the buffer was left untouched.</summary>
    public static MqttProtocolError ReadError(byte[] frame, int maxFrameSize = MqttCodec.DefaultMaxFrameSize)
    {
        var buffer = new ReadOnlySequence<byte>(frame);
        var status = MqttCodec.TryRead(ref buffer, maxFrameSize, out var packet, out var error);
        Assert.Equal(MqttReadStatus.Error, status);
        Assert.Null(packet);
        Assert.Equal(frame.Length, buffer.Length);
        return error!;
    }
}
