using System.Buffers;

namespace Pomelo.Akka.Tests.Protocol.Mqtt;

/// <summary>A linked segment for building multi-segment <see cref="ReadOnlySequence{T}"/> values in tests.</summary>
internal sealed class BufferSegment : ReadOnlySequenceSegment<byte>
{
    public BufferSegment(ReadOnlyMemory<byte> memory, long runningIndex)
    {
        Memory = memory;
        RunningIndex = runningIndex;
    }

    public BufferSegment Append(ReadOnlyMemory<byte> memory)
    {
        var next = new BufferSegment(memory, RunningIndex + Memory.Length);
        Next = next;
        return next;
    }
}
