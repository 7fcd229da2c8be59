using System.Text.Json;
using Pomelo.Akka.Console;
using Pomelo.Akka.Master;
using Pomelo.Akka.Monitor;

namespace Pomelo.Akka.Bench.Nodes;

/// <summary>The module ids the scenarios use; the Node peer registers modules with the same ids and bodies.</summary>
public static class BenchModuleIds
{
    /// <summary>Monitor side: answers a request with <c>{id, pid}</c>. Master side: counts notifies.</summary>
    public const string Echo = "bench";
}

/// <summary>The tiny reply of a monitor: its id and pid.</summary>
/// <param name="Id">The server id.</param>
/// <param name="Pid">The process id.</param>
public sealed record EchoReply(string Id, int Pid);

/// <summary>The body of a monitor's notify.</summary>
/// <param name="Seq">A sequence number.</param>
public sealed record NotifyBody(long Seq);

/// <summary>On a monitor: answers every request of the master with <c>{id, pid}</c>.</summary>
public sealed class EchoMonitorModule : IMonitorHandler
{
    public ValueTask<object?> MonitorHandlerAsync(IMonitorAgent agent, JsonElement? message, CancellationToken cancellationToken)
        => ValueTask.FromResult<object?>(new EchoReply(agent.ServerId, Environment.ProcessId));
}

/// <summary>
/// Counts notifies arriving at the master, with the time of the first and of the latest 64th: a rate needs the
/// arrivals between two stamps, not a clock read per message (which was 14 % of the module actor's time in the flood,
/// more than the rate it measures can spare). pomelo's peer (bench/peer/master.js) stamps the same way.
/// </summary>
public sealed class NotifyCounter
{
    private const long StampEvery = 64;

    private long _count;
    private long _firstNs;
    private long _lastNs;
    private long _lastStamped;

    public long Count => Volatile.Read(ref _count);

    public long FirstNs => Volatile.Read(ref _firstNs);

    public long LastNs => Volatile.Read(ref _lastNs);

    /// <summary>Gets the arrivals after the first stamp up to the last one: the count that <see cref="LastNs"/> - <see cref="FirstNs"/> took.</summary>
    public long Stamped => Math.Max(0, Volatile.Read(ref _lastStamped) - 1);

    public void Hit()
    {
        var n = Interlocked.Increment(ref _count);
        if (n == 1 || n % StampEvery == 0)
        {
            var now = Wire.BenchIo.NowNs();
            if (n == 1)
            {
                Volatile.Write(ref _firstNs, now);
            }

            Volatile.Write(ref _lastNs, now);
            Volatile.Write(ref _lastStamped, n);
        }
    }

    public void Reset()
    {
        Volatile.Write(ref _count, 0);
        Volatile.Write(ref _firstNs, 0);
        Volatile.Write(ref _lastNs, 0);
        Volatile.Write(ref _lastStamped, 0);
    }
}

/// <summary>On the master: counts the monitors' notifies (the module actor calls it one message at a time).</summary>
/// <param name="counter">Where arrivals are counted.</param>
public sealed class NotifyCountingMasterModule(NotifyCounter counter) : IMasterHandler
{
    public ValueTask<object?> MasterHandlerAsync(IMasterAgent agent, JsonElement? message, CancellationToken cancellationToken)
    {
        if (message is not null)
        {
            counter.Hit();
        }

        return ValueTask.FromResult<object?>(null);
    }
}
