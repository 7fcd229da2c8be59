using System.Collections.Concurrent;
using System.Text.Json;
using Pomelo.Akka.Errors;
using Pomelo.Akka.Protocol;

namespace Pomelo.Akka.Internal;

/// <summary>
/// Requests awaiting a reply. Every entry has an owner (the target peer) and a deadline; it leaves the table exactly
/// once — on reply, timeout, caller cancellation or the peer's disconnect — and whoever removes it completes it.
/// Deadlines share one timer, armed for the earliest deadline while the table is not empty; when it fires, a sweep
/// expires every entry that is due and re-arms it for the next one, so a request costs no timer of its own.
/// Requesters' continuations run on the thread pool, in batches (<see cref="ReplyDispatcher"/>), never on the thread
/// that completed them (a read loop, the timer, a disconnect).
/// </summary>
internal sealed class PendingRequestTable
{
    private readonly ConcurrentDictionary<long, Entry> _entries = new();
    private readonly TimeProvider _time;
    private readonly Lock _timerGate = new();
    private readonly ITimer _timer;
    private readonly ReplyDispatcher _dispatcher = new();
    private long _nextId;
    private int _count;

    // Guarded by _timerGate: the timestamp the timer is armed for, long.MaxValue when disarmed.
    private long _armedFor = long.MaxValue;

    public PendingRequestTable(TimeProvider time)
    {
        _time = time;
        _timer = time.CreateTimer(static s => ((PendingRequestTable)s!).Sweep(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public int Count => _entries.Count;

    /// <summary>Adds a pending request and returns its id and the task its reply completes.</summary>
    /// <remarks>
    /// With <paramref name="readBody"/>, the reply's body is handed to it as UTF-8 JSON on the read loop that received
    /// it (through <see cref="RawFrom"/>), and the task completes with no body once it returned.
    /// </remarks>
    public (long Id, Task<JsonElement?> Reply) Add(string target, string moduleId, TimeSpan timeout, CancellationToken cancellationToken, object? message = null, RawBodyReader? readBody = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var deadline = _time.GetTimestamp() + ToTimestampTicks(timeout);
        var entry = new Entry(this, id, target, moduleId, timeout, deadline, message) { ReadBody = readBody };
        _entries[id] = entry;
        if (Interlocked.Increment(ref _count) == 1 || deadline < Volatile.Read(ref _armedFor))
        {
            lock (_timerGate)
            {
                ArmLocked(deadline);
            }
        }

        if (cancellationToken.CanBeCanceled)
        {
            entry.Cancellation = cancellationToken.Register(static s => ((Entry)s!).Table.Cancel(((Entry)s).Id), entry);
        }

        return (id, entry.Completion.Task);
    }

    /// <summary>Completes a request with its response, if <paramref name="from"/> is the peer it was sent to.</summary>
    public bool TryComplete(long id, string from, JsonElement? error, JsonElement? body)
    {
        if (!_entries.TryGetValue(id, out var entry) || entry.Target != from || !TryRemove(id, out entry))
        {
            return false;
        }

        if (error is { } e && e.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
        {
            _dispatcher.SetException(entry.Completion, new AdminRemoteException(e));
        }
        else
        {
            _dispatcher.SetResult(entry.Completion, body);
        }

        return true;
    }

    /// <summary>Gets where a read loop reading replies from <paramref name="from"/> hands over the bodies wanted raw.</summary>
    /// <param name="from">The peer the read loop reads.</param>
    /// <returns>The sink.</returns>
    public IRawResponseSink RawFrom(string from) => new RawSink(this, from);

    /// <summary>Fails a request that could not be sent.</summary>
    public void Fail(long id, Exception error)
    {
        if (TryRemove(id, out var entry))
        {
            _dispatcher.SetException(entry.Completion, error);
        }
    }

    /// <summary>Fails every request owned by <paramref name="target"/>.</summary>
    public int FailAll(string target, Func<Exception> error)
    {
        var failed = 0;
        foreach (var (id, entry) in _entries)
        {
            if (entry.Target == target && TryRemove(id, out _))
            {
                _dispatcher.SetException(entry.Completion, error());
                failed++;
            }
        }

        return failed;
    }

    /// <summary>Lists the requests still awaiting <paramref name="target"/>, oldest first, to re-send them after it reconnects.</summary>
    public IReadOnlyList<(long Id, string ModuleId, object? Message)> PendingFor(string target)
        => _entries.Where(e => e.Value.Target == target).OrderBy(e => e.Key).Select(e => (e.Key, e.Value.ModuleId, e.Value.Message)).ToList();

    /// <summary>Keeps at most <paramref name="max"/> requests for <paramref name="target"/>, failing the oldest beyond it.</summary>
    public int Trim(string target, int max, Func<Exception> error)
    {
        var excess = _entries.Where(e => e.Value.Target == target).OrderBy(e => e.Key).Select(e => e.Key).ToList();
        var failed = 0;
        for (var i = 0; i < excess.Count - max; i++)
        {
            if (TryRemove(excess[i], out var entry))
            {
                _dispatcher.SetException(entry.Completion, error());
                failed++;
            }
        }

        return failed;
    }

    private long ToTimestampTicks(TimeSpan timeout)
        => timeout == Timeout.InfiniteTimeSpan || timeout >= TimeSpan.FromDays(365)
            ? long.MaxValue / 4
            : (long)(timeout.Ticks * ((double)_time.TimestampFrequency / TimeSpan.TicksPerSecond));

    private bool TryRemove(long id, out Entry entry)
    {
        if (!_entries.TryRemove(id, out entry!))
        {
            return false;
        }

        entry.Cancellation.Dispose();
        if (Interlocked.Decrement(ref _count) == 0)
        {
            lock (_timerGate)
            {
                if (Volatile.Read(ref _count) == 0 && _armedFor != long.MaxValue)
                {
                    _armedFor = long.MaxValue;
                    _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                }
            }
        }

        return true;
    }

    /// <summary>Arms the timer for <paramref name="deadline"/> unless it is already armed for an earlier one.</summary>
    private void ArmLocked(long deadline)
    {
        if (deadline >= _armedFor || Volatile.Read(ref _count) == 0)
        {
            return;
        }

        _armedFor = deadline;
        var remaining = _time.GetElapsedTime(_time.GetTimestamp(), deadline);
        var dueMs = Math.Max(0, (long)Math.Ceiling(remaining.TotalMilliseconds));
        _timer.Change(TimeSpan.FromMilliseconds(Math.Min(dueMs, uint.MaxValue - 1L)), Timeout.InfiniteTimeSpan);
    }

    private void Sweep()
    {
        lock (_timerGate)
        {
            // Fired: until re-armed below, any Add arms the timer for its own deadline.
            _armedFor = long.MaxValue;
        }

        var now = _time.GetTimestamp();
        var next = long.MaxValue;
        foreach (var (id, entry) in _entries)
        {
            if (entry.Deadline <= now)
            {
                if (TryRemove(id, out _))
                {
                    _dispatcher.SetException(entry.Completion, new AdminRequestTimeoutException(entry.Target, entry.ModuleId, entry.Timeout));
                }
            }
            else if (entry.Deadline < next)
            {
                next = entry.Deadline;
            }
        }

        if (next != long.MaxValue)
        {
            lock (_timerGate)
            {
                ArmLocked(next);
            }
        }
    }

    private void Cancel(long id)
    {
        if (TryRemove(id, out var entry))
        {
            _dispatcher.SetCanceled(entry.Completion);
        }
    }

    /// <summary>Hands raw reply bodies from one peer to the requests that asked for them so.</summary>
    private sealed class RawSink(PendingRequestTable table, string from) : IRawResponseSink
    {
        public bool WantsRaw(long respId)
            => table._entries.TryGetValue(respId, out var entry) && entry.ReadBody is not null && entry.Target == from;

        public void TakeRaw(long respId, ReadOnlySpan<byte> body)
        {
            if (!table._entries.TryGetValue(respId, out var entry) || entry.ReadBody is not { } read)
            {
                return;
            }

            try
            {
                read(body);
            }
            catch (Exception ex)
            {
                // The requester's reader failed on this reply: the request fails with it, the read loop goes on.
                table.Fail(respId, new AdminRequestException("the reply could not be read: " + ex.Message, ex));
            }
        }
    }

    private sealed class Entry(PendingRequestTable table, long id, string target, string moduleId, TimeSpan timeout, long deadline, object? message)
    {
        public PendingRequestTable Table { get; } = table;

        public long Id { get; } = id;

        public string Target { get; } = target;

        public object? Message { get; } = message;

        public string ModuleId { get; } = moduleId;

        public TimeSpan Timeout { get; } = timeout;

        /// <summary>Gets the <see cref="TimeProvider.GetTimestamp"/> value at which the request times out.</summary>
        public long Deadline { get; } = deadline;

        /// <summary>Gets the reply's source; completed only through the table's <see cref="ReplyDispatcher"/>, which keeps continuations off the completing thread.</summary>
        public TaskCompletionSource<JsonElement?> Completion { get; } = new();

        public CancellationTokenRegistration Cancellation { get; set; }

        /// <summary>Gets the reader the reply's body goes to as UTF-8 JSON, or null for a parsed body.</summary>
        public RawBodyReader? ReadBody { get; init; }
    }
}
