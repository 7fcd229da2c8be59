using Microsoft.Extensions.Logging;
using Pomelo.Akka.Cluster;
using Pomelo.Akka.Internal;

namespace Pomelo.Akka.Master;

/// <summary>
/// Gives memory back once a registration storm is over. A storm of hundreds of registrations (a cluster starting or
/// restarting) allocates tens of MB on the master — pipes, server maps for every subscriber — and afterwards the GC
/// keeps the free regions of that working set committed for allocations that never come: ~25 MB after 500 monitors,
/// whatever the master does next (they stayed committed over 30 s of steady heartbeats). Once
/// <see cref="MemoryTrimOptions.Joins"/> members have joined since the last trim, membership has been still for
/// <see cref="MemoryTrimOptions.Quiet"/>, no monitor's output is still on its way (the storm's server maps are out:
/// at 2,000 servers they trickle out for seconds after the last join, and a trim before their end is undone) and the
/// master allocates less than <see cref="MemoryTrimOptions.MaxAllocationPerSecond"/>, one aggressive collection
/// returns them to the OS. It is a full blocking collection: a pause of some milliseconds, once per storm. The C heap's
/// free memory goes back with it (<see cref="NativeHeap"/>): the storm's native allocations, freed but kept resident
/// by glibc, were another 8–10 MB after 500 monitors.
/// </summary>
internal sealed partial class MemoryTrim : IDisposable
{
    private static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(1);

    private readonly MemoryTrimOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Func<long> _allocatedBytes;
    private readonly Func<TrimResult> _collect;
    private readonly Func<bool> _sending;
    private readonly ITimer? _timer;
    private int _joins;
    private long _lastChange;
    private long _lastCheck;
    private long _allocatedAtLastCheck;
    private int _checking;
    private int _trims;

    /// <param name="options">When to trim.</param>
    /// <param name="time">The clock (and the timer of the periodic check).</param>
    /// <param name="logger">Where each trim is logged.</param>
    /// <param name="sending">Whether output to a monitor is still on its way (none: never).</param>
    /// <param name="allocatedBytes">The bytes allocated so far (tests replace the GC's figure).</param>
    /// <param name="collect">The trim itself (tests replace the collection).</param>
    public MemoryTrim(MemoryTrimOptions options, TimeProvider time, ILogger logger, Func<bool>? sending = null, Func<long>? allocatedBytes = null, Func<TrimResult>? collect = null)
    {
        _sending = sending ?? (static () => false);
        _options = options;
        _time = time;
        _logger = logger;
        _allocatedBytes = allocatedBytes ?? (static () => GC.GetTotalAllocatedBytes(precise: false));
        _collect = collect ?? CollectAggressively;
        _lastChange = _lastCheck = time.GetTimestamp();
        _allocatedAtLastCheck = _allocatedBytes();
        if (options.Joins > 0)
        {
            _timer = time.CreateTimer(static s => ((MemoryTrim)s!).Check(), this, CheckInterval, CheckInterval);
        }
    }

    /// <summary>Gets how many trims have run.</summary>
    public int Trims => Volatile.Read(ref _trims);

    /// <summary>Counts a join; any membership change restarts the quiet period.</summary>
    public void OnMemberEvent(MemberEvent memberEvent)
    {
        if (memberEvent is MemberUp)
        {
            Interlocked.Increment(ref _joins);
        }

        Volatile.Write(ref _lastChange, _time.GetTimestamp());
    }

    /// <inheritdoc />
    public void Dispose() => _timer?.Dispose();

    /// <summary>The periodic check: trims when a storm's worth of joins is followed by a quiet master.</summary>
    internal void Check()
    {
        if (Interlocked.Exchange(ref _checking, 1) != 0)
        {
            return;
        }

        try
        {
            var now = _time.GetTimestamp();
            var allocated = _allocatedBytes();
            var seconds = _time.GetElapsedTime(_lastCheck, now).TotalSeconds;
            var rate = seconds > 0 ? (allocated - _allocatedAtLastCheck) / seconds : double.MaxValue;
            _lastCheck = now;
            _allocatedAtLastCheck = allocated;
            if (Volatile.Read(ref _joins) < _options.Joins
                || _time.GetElapsedTime(Volatile.Read(ref _lastChange), now) < _options.Quiet
                || rate > _options.MaxAllocationPerSecond
                || _sending())
            {
                return;
            }

            var joins = Interlocked.Exchange(ref _joins, 0);
            var result = _collect();
            Interlocked.Increment(ref _trims);
            LogTrimmed(_logger, joins, Mb(result.CommittedBefore), Mb(result.CommittedAfter), Mb(result.ResidentBefore), Mb(result.ResidentAfter));
        }
        catch (Exception ex)
        {
            LogTrimFailed(_logger, ex);
        }
        finally
        {
            Volatile.Write(ref _checking, 0);
        }
    }

    private static TrimResult CollectAggressively()
    {
        using var resident = new ResidentMemory();
        var rssBefore = resident.ReadBytes();
        var before = GC.GetGCMemoryInfo(GCKind.Any).TotalCommittedBytes;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var after = GC.GetGCMemoryInfo(GCKind.Any).TotalCommittedBytes;
        NativeHeap.Trim();
        return new TrimResult(before, after, rssBefore, resident.ReadBytes());
    }

    private static double Mb(long bytes) => bytes / (1024.0 * 1024);

    [LoggerMessage(1060, LogLevel.Information, "Memory trimmed after {Joins} joins: GC committed {Before:0.0} MB -> {After:0.0} MB, resident {ResidentBefore:0.0} MB -> {ResidentAfter:0.0} MB")]
    private static partial void LogTrimmed(ILogger logger, int joins, double before, double after, double residentBefore, double residentAfter);

    /// <summary>What a trim gave back: the GC's committed bytes and the process's resident bytes, before and after.</summary>
    internal readonly record struct TrimResult(long CommittedBefore, long CommittedAfter, long ResidentBefore, long ResidentAfter);

    [LoggerMessage(1061, LogLevel.Warning, "Memory trim failed")]
    private static partial void LogTrimFailed(ILogger logger, Exception exception);
}
