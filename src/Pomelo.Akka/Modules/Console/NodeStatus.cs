using System.Diagnostics;

namespace Pomelo.Akka.Modules.Console;

/// <summary>What a node reports about its own process.</summary>
/// <param name="Pid">Its process id.</param>
/// <param name="Rss">Resident memory in bytes.</param>
/// <param name="HeapUsed">Managed heap in bytes.</param>
/// <param name="Uptime">Seconds since the process started.</param>
public sealed record NodeStatus(int Pid, long Rss, long HeapUsed, double Uptime)
{
    /// <summary>Reads the current process.</summary>
    /// <param name="time">The clock for "now".</param>
    /// <returns>The status.</returns>
    public static NodeStatus Current(TimeProvider time)
    {
        using var process = Process.GetCurrentProcess();
        var uptime = (time.GetUtcNow() - process.StartTime.ToUniversalTime()).TotalSeconds;
        return new NodeStatus(Environment.ProcessId, Environment.WorkingSet, GC.GetTotalMemory(false), Math.Max(0, uptime));
    }
}
