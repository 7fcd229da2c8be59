using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using Pomelo.Akka.Protocol.Mqtt;

namespace Pomelo.Akka.Bench.Micro;

/// <summary>The MQTT codec on the frames the admin traffic is made of: a request-sized PUBLISH, read whole or split across segments, and written.</summary>
public class CodecBenchmarks
{
    private readonly ArrayBufferWriter<byte> _output = new(4096);
    private byte[] _payload = [];
    private ReadOnlySequence<byte> _frame;
    private ReadOnlySequence<byte> _segmented;
    private ReadOnlySequence<byte> _pingReq;

    /// <summary>Gets or sets the PUBLISH payload size: a tiny request, and a list reply's size for some hundred servers.</summary>
    [Params(64, 16_384)]
    public int PayloadBytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var json = "{\"reqId\":12345,\"moduleId\":\"bench\",\"body\":" + "\"" + new string('x', Math.Max(0, PayloadBytes - 45)) + "\"}";
        _payload = Encoding.UTF8.GetBytes(json);
        var writer = new ArrayBufferWriter<byte>();
        MqttCodec.WritePublish(writer, "monitor", _payload);
        var bytes = writer.WrittenMemory.ToArray();
        _frame = new ReadOnlySequence<byte>(bytes);
        _segmented = Segments.Split(bytes, 3);
        var ping = new ArrayBufferWriter<byte>();
        MqttCodec.Write(ping, PingReqPacket.Instance);
        _pingReq = new ReadOnlySequence<byte>(ping.WrittenMemory.ToArray());
    }

    [Benchmark(Description = "TryRead PUBLISH (one segment)")]
    public MqttPacket? TryReadPublish()
    {
        var buffer = _frame;
        MqttCodec.TryRead(ref buffer, MqttCodec.DefaultMaxFrameSize, out var packet, out _);
        return packet;
    }

    [Benchmark(Description = "TryRead PUBLISH (three segments)")]
    public MqttPacket? TryReadPublishSegmented()
    {
        var buffer = _segmented;
        MqttCodec.TryRead(ref buffer, MqttCodec.DefaultMaxFrameSize, out var packet, out _);
        return packet;
    }

    [Benchmark(Description = "TryRead PINGREQ")]
    public MqttPacket? TryReadPingReq()
    {
        var buffer = _pingReq;
        MqttCodec.TryRead(ref buffer, MqttCodec.DefaultMaxFrameSize, out var packet, out _);
        return packet;
    }

    [Benchmark(Description = "WritePublish")]
    public int WritePublish()
    {
        _output.ResetWrittenCount();
        MqttCodec.WritePublish(_output, "monitor", _payload);
        return _output.WrittenCount;
    }
}

/// <summary>Builds multi-segment sequences, as a pipe hands over a frame that arrived in pieces.</summary>
internal static class Segments
{
    public static ReadOnlySequence<byte> Split(byte[] bytes, int parts)
    {
        var size = Math.Max(1, bytes.Length / parts);
        Segment? first = null;
        Segment? last = null;
        for (var offset = 0; offset < bytes.Length; offset += size)
        {
            var chunk = bytes.AsMemory(offset, Math.Min(size, bytes.Length - offset));
            last = last is null ? first = new Segment(chunk, 0) : last.Append(chunk);
        }

        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
