using System.Collections.Concurrent;
using System.Text.Json;
using Pomelo.Akka.Errors;

namespace Pomelo.Akka.Internal;

/// <summary>
/// Requests awaiting a reply. Every entry has an owner (the target peer) and a deadline; it leaves the table exactly
/// once — on reply, timeout, caller cancellation or the peer's disconnect — and whoever removes it completes it.
/// </summary>
internal sealed class PendingRequestTable
{
    private readonly ConcurrentDictionary<long, Entry> _entries = new();
    private readonly TimeProvider _time;
    private long _nextId;

    public PendingRequestTable(TimeProvider time)
    {
        _time = time;
    }

    public int Count => _entries.Count;

    /// <summary>Adds a pending request and returns its id and the task its reply completes.</summary>
    public (long Id, Task<JsonElement?> Reply) Add(string target, string moduleId, TimeSpan timeout, CancellationToken cancellationToken, object? message = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var entry = new Entry(target, moduleId, timeout, message);
        _entries[id] = entry;
        entry.Timer = _time.CreateTimer(static s => ((State)s!).Table.Expire(((State)s).Id), new State(this, id), timeout, Timeout.InfiniteTimeSpan);
        if (cancellationToken.CanBeCanceled)
        {
            entry.Cancellation = cancellationToken.Register(static s => ((State)s!).Table.Cancel(((State)s).Id), new State(this, id));
        }

        return (id, entry.Completion.Task);
    }

    /// <summary>Completes a request with its response, if <paramref name="from"/> is the peer it was sent to.</summary>
    public bool TryComplete(long id, string from, JsonElement? error, JsonElement? body)
    {
        if (!_entries.TryGetValue(id, out var entry) || entry.Target != from || !_entries.TryRemove(id, out entry))
        {
            return false;
        }

        entry.Dispose();
        if (error is { } e && e.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
        {
            entry.Completion.TrySetException(new AdminRemoteException(e));
        }
        else
        {
            entry.Completion.TrySetResult(body);
        }

        return true;
    }

    /// <summary>Fails a request that could not be sent.</summary>
    public void Fail(long id, Exception error)
    {
        if (_entries.TryRemove(id, out var entry))
        {
            entry.Dispose();
            entry.Completion.TrySetException(error);
        }
    }

    /// <summary>Fails every request owned by <paramref name="target"/>.</summary>
    public int FailAll(string target, Func<Exception> error)
    {
        var failed = 0;
        foreach (var (id, entry) in _entries)
        {
            if (entry.Target == target && _entries.TryRemove(id, out _))
            {
                entry.Dispose();
                entry.Completion.TrySetException(error());
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
            if (_entries.TryRemove(excess[i], out var entry))
            {
                entry.Dispose();
                entry.Completion.TrySetException(error());
                failed++;
            }
        }

        return failed;
    }

    private void Expire(long id)
    {
        if (_entries.TryRemove(id, out var entry))
        {
            entry.Dispose();
            entry.Completion.TrySetException(new AdminRequestTimeoutException(entry.Target, entry.ModuleId, entry.Timeout));
        }
    }

    private void Cancel(long id)
    {
        if (_entries.TryRemove(id, out var entry))
        {
            entry.Dispose();
            entry.Completion.TrySetCanceled();
        }
    }

    private sealed record State(PendingRequestTable Table, long Id);

    private sealed class Entry(string target, string moduleId, TimeSpan timeout, object? message)
    {
        public string Target { get; } = target;

        public object? Message { get; } = message;

        public string ModuleId { get; } = moduleId;

        public TimeSpan Timeout { get; } = timeout;

        public TaskCompletionSource<JsonElement?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ITimer? Timer { get; set; }

        public CancellationTokenRegistration Cancellation { get; set; }

        public void Dispose()
        {
            Timer?.Dispose();
            Cancellation.Dispose();
        }
    }
}
