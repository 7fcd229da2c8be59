using Pomelo.Akka.Cluster;
using Pomelo.Akka.Protocol;

namespace Pomelo.Akka.Modules.Watchdog;

/// <summary>
/// The master watchdog's state, apart from its mailbox and sockets: the servers that are Up (their info serialised
/// when a map is built), the listeners with the version of the map each one has, a log of the changes not yet sent to
/// every listener, and the cached serialised map. Membership events are applied as they arrive; <see cref="TakeBatch"/> gives every idle
/// listener that is behind the changes it has not seen — in order, each serialised once and shared by all listeners,
/// at most <see cref="MaxBatch"/> at a time — so a listener still busy with its previous batch gets the next ones
/// together when it is done, and a subscriber starts from the map plus whatever changed after it.
/// </summary>
internal sealed class WatchdogState
{
    /// <summary>How many changes a cached map may lag behind (they stay in the log, so a subscriber gets them).</summary>
    public const int MaxSnapshotLag = 256;

    /// <summary>The longest log kept for listeners that are behind; one further behind gets a replaceServer instead.</summary>
    public const int MaxLogLength = 8192;

    /// <summary>The most changes sent to one listener in one batch (well inside its module mailbox); the rest follow.</summary>
    public const int MaxBatch = 256;

    // The Up members; their serialised info is rebuilt when a map is (a copy kept per server cost ~0.2 KB a monitor).
    private readonly Dictionary<string, Member> _servers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Listener> _listeners = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _replaceWanted = new(StringComparer.Ordinal);
    private readonly List<Change> _log = [];
    private readonly Lock _gate = new();
    private long _version;
    private long _logStart;
    private int _urgent;
    private Snapshot? _snapshot;

    /// <summary>Gets whether a change should go out now rather than wait for more (a removal).</summary>
    public bool HasUrgent => Volatile.Read(ref _urgent) != 0;

    /// <summary>Applies a membership event and logs its broadcast.</summary>
    /// <param name="memberEvent">The event.</param>
    /// <returns>True when it logged a change (a removal also makes <see cref="HasUrgent"/> true).</returns>
    public bool Apply(MemberEvent memberEvent)
    {
        var member = memberEvent.Member;
        lock (_gate)
        {
            switch (memberEvent)
            {
                case MemberUp or MemberReachable:
                    _servers[member.Id] = member;
                    Log(new Change(ChangeKind.Add, member.Id, WatchdogPayloads.AddServer(WatchdogPayloads.Info(member))));
                    if (memberEvent is MemberReachable)
                    {
                        _replaceWanted[member.Id] = _version;
                    }

                    return true;
                case MemberUnreachable or MemberRemoved:
                    if (memberEvent is MemberRemoved)
                    {
                        _listeners.Remove(member.Id);
                        _replaceWanted.Remove(member.Id);
                    }

                    if (!_servers.TryGetValue(member.Id, out var known) || known.Incarnation > member.Incarnation)
                    {
                        return false;
                    }

                    _servers.Remove(member.Id);
                    Log(new Change(ChangeKind.Remove, member.Id, WatchdogPayloads.RemoveServer(member.Id, member.Incarnation)));
                    Volatile.Write(ref _urgent, 1);
                    return true;
                default:
                    return false;
            }
        }
    }

    /// <summary>Logs startOver for every listener.</summary>
    public void StartOver()
    {
        lock (_gate)
        {
            Log(new Change(ChangeKind.StartOver, string.Empty, WatchdogPayloads.StartOver()));
        }
    }

    /// <summary>Adds (or re-adds) a listener and returns the map it starts from; later changes are sent to it.</summary>
    /// <param name="id">The listener's server id.</param>
    /// <returns>The serialised map.</returns>
    public RawJson Subscribe(string id)
    {
        lock (_gate)
        {
            var snapshot = CurrentSnapshot(exact: false);
            _listeners[id] = new Listener(id) { Version = snapshot.Version };
            return snapshot.Json;
        }
    }

    /// <summary>Removes a listener.</summary>
    /// <param name="id">The listener's server id.</param>
    public void Unsubscribe(string id)
    {
        lock (_gate)
        {
            _listeners.Remove(id);
        }
    }

    /// <summary>Returns the current map.</summary>
    /// <returns>The serialised map.</returns>
    public RawJson Query()
    {
        lock (_gate)
        {
            return CurrentSnapshot(exact: true).Json;
        }
    }

    /// <summary>Returns what every idle listener that is behind must be sent, in order, and counts it as sent.</summary>
    /// <param name="isBusy">Whether a listener's previous batch is still being sent; such a listener waits.</param>
    /// <returns>The sends; empty when no idle listener is behind.</returns>
    public IReadOnlyList<WatchdogSend> TakeBatch(Func<string, bool> isBusy)
    {
        lock (_gate)
        {
            Volatile.Write(ref _urgent, 0);
            var sends = new List<WatchdogSend>();
            byte[]? replace = null;
            foreach (var listener in _listeners.Values)
            {
                if (listener.Version >= _version || isBusy(listener.Id))
                {
                    continue;
                }

                if (listener.Version < _logStart || (_replaceWanted.Remove(listener.Id, out var wanted) && wanted > listener.Version))
                {
                    replace ??= WatchdogPayloads.ReplaceServer(CurrentSnapshot(exact: true).Bytes);
                    sends.Add(new WatchdogSend(listener.Id, [], replace, ReadOnlyMemory<byte>.Empty));
                    listener.Version = _version;
                }
                else
                {
                    var first = (int)(listener.Version - _logStart);
                    var count = Math.Min(_log.Count - first, MaxBatch);
                    if (ChangesFor(listener.Id, first, count) is { } send)
                    {
                        sends.Add(send);
                    }

                    listener.Version += count;
                }
            }

            foreach (var (id, _) in _replaceWanted.Where(r => !_listeners.ContainsKey(r.Key)).ToList())
            {
                _replaceWanted.Remove(id);
                replace ??= WatchdogPayloads.ReplaceServer(CurrentSnapshot(exact: true).Bytes);
                sends.Add(new WatchdogSend(id, [], replace, ReadOnlyMemory<byte>.Empty));
            }

            Trim();
            return sends;
        }
    }

    private void Log(Change change)
    {
        _version++;
        _log.Add(change);
    }

    private WatchdogSend? ChangesFor(string listenerId, int first, int count)
    {
        var notifies = new List<ReadOnlyMemory<byte>>(count);
        Change? last = null;
        for (var i = first; i < first + count; i++)
        {
            var change = _log[i];
            if (change.Kind == ChangeKind.Remove && change.MemberId == listenerId)
            {
                continue;
            }

            if (last is not null)
            {
                notifies.Add(last.Notify);
            }

            last = change;
        }

        return last is null ? null : new WatchdogSend(listenerId, notifies, last.Body, last.Notify);
    }

    /// <summary>
    /// Drops the changes every listener and the cached map have (and, past <see cref="MaxLogLength"/>, those only
    /// laggards lack: they get a replaceServer).
    /// </summary>
    private void Trim()
    {
        var oldest = _snapshot?.Version ?? _version;
        foreach (var listener in _listeners.Values)
        {
            oldest = Math.Min(oldest, listener.Version);
        }

        var keepFrom = Math.Max(Math.Max(oldest, _version - MaxLogLength), _logStart);
        if (keepFrom > _logStart)
        {
            _log.RemoveRange(0, (int)(keepFrom - _logStart));
            _logStart = keepFrom;
        }
    }

    /// <summary>
    /// The cached map, rebuilt when missing, when changes after it are no longer logged (a subscriber would miss them),
    /// when <paramref name="exact"/> and anything changed since, or when it lags by more than <see cref="MaxSnapshotLag"/>.
    /// </summary>
    private Snapshot CurrentSnapshot(bool exact)
    {
        if (_snapshot is { } s
            && s.Version >= _logStart
            && (s.Version == _version || (!exact && _version - s.Version <= MaxSnapshotLag)))
        {
            return s;
        }

        var bytes = WatchdogPayloads.Map(_servers.Select(p => new KeyValuePair<string, byte[]>(p.Key, WatchdogPayloads.Info(p.Value))).ToList());
        return _snapshot = new Snapshot(_version, bytes, new RawJson(bytes));
    }

    private enum ChangeKind
    {
        Add,
        Remove,
        StartOver,
    }

    private sealed record Snapshot(long Version, byte[] Bytes, RawJson Json);

    private sealed class Change(ChangeKind kind, string memberId, byte[] body)
    {
        private byte[]? _notify;

        public ChangeKind Kind { get; } = kind;

        public string MemberId { get; } = memberId;

        public byte[] Body { get; } = body;

        /// <summary>Gets the notify envelope, built once when first needed (a change sent to one listener only goes as a request).</summary>
        public byte[] Notify => _notify ??= WatchdogPayloads.Notify(Body);
    }

    private sealed class Listener(string id)
    {
        public string Id { get; } = id;

        public long Version { get; set; }
    }
}
