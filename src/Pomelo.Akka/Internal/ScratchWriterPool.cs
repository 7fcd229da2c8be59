using System.Buffers;
using System.Text.Json;

namespace Pomelo.Akka.Internal;

/// <summary>
/// Reusable envelope scratch writers (a buffer and a <see cref="Utf8JsonWriter"/> over it) shared by the connections of
/// one side, so an idle connection holds none: the master keeps a few for all its monitors (~0.7 KB each) instead of
/// one per connection. A writer is rented for one envelope under its connection's write gate and returned right
/// after; when every slot is taken a new writer is made, and one returned to a full pool, or grown beyond
/// <see cref="MaxRetainedBytes"/>, is dropped.
/// </summary>
internal sealed class ScratchWriterPool
{
    /// <summary>A scratch buffer that grew beyond this is dropped after use rather than kept.</summary>
    public const int MaxRetainedBytes = 16 * 1024;

    private readonly ScratchWriter?[] _slots;

    /// <summary>Creates a pool keeping at most <paramref name="slots"/> idle writers.</summary>
    /// <param name="slots">How many idle writers are kept; positive.</param>
    public ScratchWriterPool(int slots)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        _slots = new ScratchWriter?[slots];
    }

    /// <summary>Gets a pool sized for a process with many connections: two writers per core, at least four.</summary>
    /// <returns>The pool.</returns>
    public static ScratchWriterPool ForManyConnections() => new(Math.Max(4, 2 * Environment.ProcessorCount));

    /// <summary>Gets an idle writer, reset and empty, or a new one.</summary>
    /// <returns>The writer; give it back with <see cref="Return"/>.</returns>
    public ScratchWriter Rent()
    {
        for (var i = 0; i < _slots.Length; i++)
        {
            if (Volatile.Read(ref _slots[i]) is not null && Interlocked.Exchange(ref _slots[i], null) is { } writer)
            {
                return writer;
            }
        }

        return new ScratchWriter();
    }

    /// <summary>Keeps <paramref name="writer"/> for the next envelope, unless it grew too large or the pool is full.</summary>
    /// <param name="writer">A writer from <see cref="Rent"/>, no longer used by the caller.</param>
    public void Return(ScratchWriter writer)
    {
        if (writer.Capacity <= MaxRetainedBytes)
        {
            writer.Clear();
            for (var i = 0; i < _slots.Length; i++)
            {
                if (Interlocked.CompareExchange(ref _slots[i], writer, null) is null)
                {
                    return;
                }
            }
        }

        writer.Dispose();
    }

    /// <summary>A scratch buffer and the JSON writer over it.</summary>
    internal sealed class ScratchWriter : IDisposable
    {
        private readonly ArrayBufferWriter<byte> _buffer = new(256);

        public ScratchWriter() => Json = new Utf8JsonWriter(_buffer);

        public Utf8JsonWriter Json { get; }

        public int Capacity => _buffer.Capacity;

        public ReadOnlySpan<byte> WrittenSpan => _buffer.WrittenSpan;

        public void Clear()
        {
            _buffer.ResetWrittenCount();
            Json.Reset(_buffer);
        }

        public void Dispose() => Json.Dispose();
    }
}
