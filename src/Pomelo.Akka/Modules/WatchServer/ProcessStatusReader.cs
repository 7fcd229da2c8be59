using System.Diagnostics;
using Pomelo.Akka.Internal;

namespace Pomelo.Akka.Modules.WatchServer;

/// <summary>
/// Reads this process's figures for the <c>status</c> command: pid, uptime (seconds since the process started, "now"
/// from the node's <see cref="TimeProvider"/>), working set, managed heap, collections per generation, pool threads.
/// </summary>
internal sealed class ProcessStatusReader
{
    private readonly TimeProvider _time;
    private readonly DateTimeOffset _started;

    public ProcessStatusReader(TimeProvider time)
    {
        _time = time;
        _started = StartTimeOrNow(time);
    }

    public object Read(string serverId, string serverType)
    {
        // Asked rarely (an operator's status command): the file is opened for this read only.
        using var memory = new ResidentMemory();
        return Read(serverId, serverType, memory.ReadBytes());
    }

    private object Read(string serverId, string serverType, long rss) => new
    {
        serverId,
        serverType,
        pid = Environment.ProcessId,
        uptime = Math.Max(0, (_time.GetUtcNow() - _started).TotalSeconds),
        rss,
        heapUsed = GC.GetTotalMemory(false),
        gcCollections = Enumerable.Range(0, GC.MaxGeneration + 1).Select(GC.CollectionCount).ToArray(),
        threads = ThreadPool.ThreadCount,
    };

    private static DateTimeOffset StartTimeOrNow(TimeProvider time)
    {
        try
        {
            using var process = Process.GetCurrentProcess();
            return new DateTimeOffset(process.StartTime.ToUniversalTime(), TimeSpan.Zero);
        }
        catch (Exception ex) when (ex is InvalidOperationException or NotSupportedException or System.ComponentModel.Win32Exception)
        {
            return time.GetUtcNow();
        }
    }
}
