using Pomelo.Akka.Internal;

namespace Pomelo.Akka.Modules.Console;

/// <summary>What a node reports about its own process.</summary>
/// <param name="Pid">Its process id.</param>
/// <param name="Rss">Resident memory in bytes.</param>
/// <param name="HeapTotal">Memory the managed heap has committed, in bytes.</param>
/// <param name="HeapUsed">Managed heap in use, in bytes.</param>
/// <param name="Uptime">Seconds since the process started.</param>
public sealed record NodeStatus(int Pid, long Rss, long HeapTotal, long HeapUsed, double Uptime)
{
    /// <summary>Reads the current process.</summary>
    /// <param name="time">The clock for "now".</param>
    /// <param name="processStart">When this process started (read once by the caller: it never changes).</param>
    /// <param name="memory">Where the resident memory is read.</param>
    /// <returns>The status.</returns>
    internal static NodeStatus Current(TimeProvider time, DateTimeOffset processStart, ResidentMemory memory)
    {
        var uptime = (time.GetUtcNow() - processStart).TotalSeconds;
        var heapTotal = GC.GetGCMemoryInfo().TotalCommittedBytes;
        return new NodeStatus(Environment.ProcessId, memory.ReadBytes(), heapTotal, GC.GetTotalMemory(false), Math.Max(0, uptime));
    }
}
