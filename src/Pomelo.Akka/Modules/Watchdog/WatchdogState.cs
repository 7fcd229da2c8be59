using Pomelo.Akka.Cluster;

namespace Pomelo.Akka.Modules.Watchdog;

/// <summary>
/// The master watchdog's state, apart from its mailbox and sockets: the servers that are Up (each serialised once),
/// the listeners with the version of the map each one has seen, the changes not yet broadcast, and the cached map.
/// Membership events are applied as they arrive; <see cref="TakeBatch"/> turns whatever is pending into one send per
/// listener — only the changes it has not seen (a subscribe in between already brought the rest), in order, each
/// serialised once and shared; or, when a listener is behind by more than its share, one replaceServer with the map.
/// </summary>
internal sealed class WatchdogState
{
    /// <summary>How many changes a cached map may lag behind (they are still pending, so the subscriber gets them).</summary>
    public const int MaxSnapshotLag = 128;

    private readonly Dictionary<string, ServerRecord> _servers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Listener> _listeners = new(StringComparer.Ordinal);
    private readonly List<PendingChange> _pending = [];
    private readonly Lock _gate = new();
    private long _version;
    private long _takenVersion;
    private int _urgent;
    private Snapshot? _snapshot;

    /// <summary>Gets whether changes wait to be broadcast.</summary>
    public bool HasPending
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count > 0;
            }
        }
    }

    /// <summary>Gets whether a pending change should go out now rather than wait for more (a removal).</summary>
    public bool HasUrgent => Volatile.Read(ref _urgent) != 0;

    /// <summary>Gets the number of servers Up.</summary>
    public int ServerCount
    {
        get
        {
            lock (_gate)
            {
                return _servers.Count;
            }
        }
    }

    /// <summary>Applies a membership event and queues its broadcast.</summary>
    /// <param name="memberEvent">The event.</param>
    /// <returns>True when it queued a change (a removal makes <see cref="HasUrgent"/> true).</returns>
    public bool Apply(MemberEvent memberEvent)
    {
        var member = memberEvent.Member;
        lock (_gate)
        {
            switch (memberEvent)
            {
                case MemberUp or MemberReachable:
                    var info = WatchdogPayloads.Info(member);
                    _servers[member.Id] = new ServerRecord(member.Incarnation, info);
                    Queue(new PendingChange(ChangeKind.Add, member.Id, WatchdogPayloads.AddServer(info)));
                    if (memberEvent is MemberReachable)
                    {
                        Queue(new PendingChange(ChangeKind.ReplaceSelf, member.Id, ReadOnlyMemory<byte>.Empty));
                    }

                    return true;
                case MemberUnreachable or MemberRemoved:
                    if (memberEvent is MemberRemoved)
                    {
                        _listeners.Remove(member.Id);
                    }

                    if (!_servers.TryGetValue(member.Id, out var known) || known.Incarnation > member.Incarnation)
                    {
                        return false;
                    }

                    _servers.Remove(member.Id);
                    Queue(new PendingChange(ChangeKind.Remove, member.Id, WatchdogPayloads.RemoveServer(member.Id, member.Incarnation)));
                    Volatile.Write(ref _urgent, 1);
                    return true;
                default:
                    return false;
            }
        }
    }

    /// <summary>Queues startOver for every listener.</summary>
    public void StartOver()
    {
        lock (_gate)
        {
            Queue(new PendingChange(ChangeKind.StartOver, string.Empty, WatchdogPayloads.StartOver()));
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

    /// <summary>Takes every pending change and returns what each listener must be sent, in order.</summary>
    /// <returns>The sends; empty when nothing is pending.</returns>
    public IReadOnlyList<WatchdogSend> TakeBatch()
    {
        lock (_gate)
        {
            Volatile.Write(ref _urgent, 0);
            if (_pending.Count == 0)
            {
                return [];
            }

            var sends = new List<WatchdogSend>(_listeners.Count);
            var replaceFor = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var change in _pending)
            {
                if (change.Kind == ChangeKind.ReplaceSelf)
                {
                    replaceFor[change.MemberId] = change.Version;
                }
            }

            ReadOnlyMemory<byte>[]? replace = null;
            var behindLimit = Math.Clamp(_servers.Count / 3, 64, 512);
            foreach (var listener in _listeners.Values)
            {
                var first = FirstAfter(listener.Version);
                if (first == _pending.Count)
                {
                    continue;
                }

                if (_pending.Count - first > behindLimit || (replaceFor.TryGetValue(listener.Id, out var at) && at > listener.Version))
                {
                    sends.Add(new WatchdogSend(listener.Id, replace ??= [WatchdogPayloads.ReplaceServer(CurrentSnapshot(exact: true).Bytes)]));
                }
                else if (ChangesFor(listener.Id, first) is { Count: > 0 } payloads)
                {
                    sends.Add(new WatchdogSend(listener.Id, payloads));
                }

                listener.Version = _version;
            }

            foreach (var (id, _) in replaceFor)
            {
                if (!_listeners.ContainsKey(id))
                {
                    sends.Add(new WatchdogSend(id, replace ??= [WatchdogPayloads.ReplaceServer(CurrentSnapshot(exact: true).Bytes)]));
                }
            }

            _pending.Clear();
            _takenVersion = _version;
            return sends;
        }
    }

    private void Queue(PendingChange change)
    {
        change.Version = ++_version;
        _pending.Add(change);
    }

    private int FirstAfter(long version)
    {
        // Pending versions are consecutive: the first pending change has version _takenVersion + 1.
        var index = version - _takenVersion;
        return (int)Math.Clamp(index, 0, _pending.Count);
    }

    private List<ReadOnlyMemory<byte>> ChangesFor(string listenerId, int first)
    {
        var payloads = new List<ReadOnlyMemory<byte>>(_pending.Count - first);
        for (var i = first; i < _pending.Count; i++)
        {
            var change = _pending[i];
            if (change.Kind == ChangeKind.ReplaceSelf || (change.Kind == ChangeKind.Remove && change.MemberId == listenerId))
            {
                continue;
            }

            payloads.Add(change.Payload);
        }

        return payloads;
    }

    /// <summary>
    /// The cached map, rebuilt when missing, when changes already broadcast are not in it (a subscriber would never get
    /// them), when <paramref name="exact"/> and anything changed since, or when it lags by more than <see cref="MaxSnapshotLag"/>.
    /// </summary>
    private Snapshot CurrentSnapshot(bool exact)
    {
        if (_snapshot is { } s
            && s.Version >= _takenVersion
            && (s.Version == _version || (!exact && _version - s.Version <= MaxSnapshotLag)))
        {
            return s;
        }

        var bytes = WatchdogPayloads.Map(_servers.Select(p => new KeyValuePair<string, byte[]>(p.Key, p.Value.Info)).ToList());
        return _snapshot = new Snapshot(_version, bytes, new RawJson(bytes));
    }

    private enum ChangeKind
    {
        Add,
        Remove,
        ReplaceSelf,
        StartOver,
    }

    private sealed record ServerRecord(long Incarnation, byte[] Info);

    private sealed record Snapshot(long Version, byte[] Bytes, RawJson Json);

    private sealed class PendingChange(ChangeKind kind, string memberId, ReadOnlyMemory<byte> payload)
    {
        public ChangeKind Kind { get; } = kind;

        public string MemberId { get; } = memberId;

        public ReadOnlyMemory<byte> Payload { get; } = payload;

        public long Version { get; set; }
    }

    private sealed class Listener(string id)
    {
        public string Id { get; } = id;

        public long Version { get; set; }
    }
}
