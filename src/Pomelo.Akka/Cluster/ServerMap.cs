using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Pomelo.Akka.Cluster;

/// <summary>
/// A node's map of the servers that are Up, kept by the watchdog so the application never routes to a stopped server.
/// Every update is guarded by incarnation: an event about an older incarnation never overrides a newer one (a stale
/// remove cannot kick out a restarted server — pomelo issue #736), and a removed incarnation cannot be re-added.
/// Every change bumps <see cref="Version"/>, so a full map requested at one version can be applied without undoing the
/// updates that arrived while it was on its way (<see cref="Replace(IEnumerable{ServerEntry}, long)"/>).
/// </summary>
public sealed class ServerMap
{
    // One slot per server id ever mentioned: the entry while it is Up, the last change's version, the highest
    // incarnation removed (0: none) and the version of the last full view that listed it.
    private readonly Dictionary<string, Slot> _slots = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _version;
    private int _count;
    private int _startedOver;

    /// <summary>Initializes an empty map.</summary>
    public ServerMap()
        : this(new ServerEntryInterner())
    {
    }

    /// <summary>Initializes an empty map whose entries come from <paramref name="entries"/> (shared with other maps).</summary>
    /// <param name="entries">The process's entries.</param>
    internal ServerMap(ServerEntryInterner entries) => Entries = entries;

    /// <summary>Raised after every change, outside the map's lock.</summary>
    public event Action<ServerMapChange>? Changed;

    /// <summary>Raised once when the master reports that every configured server has started.</summary>
    public event Action? StartOver;

    /// <summary>Gets the number of changes applied so far; take it before requesting a full map from the master.</summary>
    public long Version
    {
        get
        {
            lock (_gate)
            {
                return _version;
            }
        }
    }

    /// <summary>Gets how many servers are in the map.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    /// <summary>Gets whether startOver was received.</summary>
    public bool StartedOver => Volatile.Read(ref _startedOver) != 0;

    /// <summary>Gets the servers, sorted by id.</summary>
    public IReadOnlyList<ServerEntry> Servers
    {
        get
        {
            lock (_gate)
            {
                var servers = new List<ServerEntry>(_count);
                foreach (var slot in _slots.Values)
                {
                    if (slot.Server is { } server)
                    {
                        servers.Add(server);
                    }
                }

                servers.Sort(static (a, b) => string.CompareOrdinal(a.Id, b.Id));
                return servers;
            }
        }
    }

    /// <summary>Gets where this map's entries come from: the watchdog reads server infos through it.</summary>
    internal ServerEntryInterner Entries { get; }

    /// <summary>Finds a server.</summary>
    /// <param name="id">The server id.</param>
    /// <returns>The entry, or null when it is not Up.</returns>
    public ServerEntry? Find(string id)
    {
        lock (_gate)
        {
            return _slots.TryGetValue(id, out var slot) ? slot.Server : null;
        }
    }

    /// <summary>Lists the servers of one type.</summary>
    /// <param name="serverType">The server type.</param>
    /// <returns>The servers, sorted by id.</returns>
    public IReadOnlyList<ServerEntry> OfType(string serverType) => Servers.Where(s => s.ServerType == serverType).ToList();

    /// <summary>Adds a server, unless a newer incarnation is known or this incarnation was removed.</summary>
    /// <param name="server">The server.</param>
    /// <returns>True when the map changed.</returns>
    public bool Add(ServerEntry server)
    {
        ArgumentNullException.ThrowIfNull(server);
        lock (_gate)
        {
            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_slots, server.Id, out _);
            if (slot.Server?.Incarnation > server.Incarnation || IsRemoved(slot, server))
            {
                return false;
            }

            Set(ref slot, server, ++_version);
        }

        Changed?.Invoke(new ServerMapChange(ServerMapChangeKind.Added, server.Id, server));
        return true;
    }

    /// <summary>Removes a server, unless the map holds a newer incarnation than the one removed.</summary>
    /// <param name="id">The server id.</param>
    /// <param name="incarnation">The incarnation removed; null (pomelo masters) removes whatever is there.</param>
    /// <returns>True when the map changed.</returns>
    public bool Remove(string id, long? incarnation)
    {
        lock (_gate)
        {
            ref var slot = ref CollectionsMarshal.GetValueRefOrNullRef(_slots, id);
            if (Unsafe.IsNullRef(ref slot) || slot.Server is null)
            {
                if (incarnation is { } gone)
                {
                    // Remembered, so the add of that incarnation, if it is still on its way, is refused.
                    ref var record = ref CollectionsMarshal.GetValueRefOrAddDefault(_slots, id, out _);
                    record.Removed = Math.Max(gone, record.Removed);
                    record.ChangedAt = ++_version;
                }

                return false;
            }

            var removed = incarnation ?? slot.Server.Incarnation;
            if (slot.Server.Incarnation > removed)
            {
                return false;
            }

            slot.Removed = Math.Max(removed, slot.Removed);
            Set(ref slot, null, ++_version);
        }

        Changed?.Invoke(new ServerMapChange(ServerMapChangeKind.Removed, id, null));
        return true;
    }

    /// <summary>Replaces the map with the master's view, keeping any newer incarnation known here.</summary>
    /// <param name="servers">The master's servers.</param>
    public void Replace(IEnumerable<ServerEntry> servers) => Replace(servers, long.MaxValue);

    /// <summary>
    /// Replaces the map with a view the master took after <paramref name="sinceVersion"/>: servers added or removed here
    /// after that version keep their local state (those updates may have overtaken the view on the way), every other
    /// server takes the master's view, and any newer incarnation known here is kept.
    /// </summary>
    /// <param name="servers">The master's servers.</param>
    /// <param name="sinceVersion">The <see cref="Version"/> read before the view was requested.</param>
    public void Replace(IEnumerable<ServerEntry> servers, long sinceVersion)
    {
        ArgumentNullException.ThrowIfNull(servers);
        lock (_gate)
        {
            var version = ++_version;
            foreach (var server in servers)
            {
                ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_slots, server.Id, out _);
                slot.ListedIn = version;
                if (slot.ChangedAt > sinceVersion)
                {
                    continue;
                }

                var mine = slot.Server;
                var next = mine?.Incarnation > server.Incarnation ? mine : IsRemoved(slot, server) ? null : server;
                if (!ReferenceEquals(next, mine))
                {
                    Set(ref slot, next, version);
                }
            }

            // Servers the view does not list are gone, unless they changed here after the view was taken.
            foreach (var id in _slots.Keys)
            {
                ref var slot = ref CollectionsMarshal.GetValueRefOrNullRef(_slots, id);
                if (slot.Server is not null && slot.ListedIn != version && slot.ChangedAt <= sinceVersion)
                {
                    Set(ref slot, null, version);
                }
            }
        }

        Changed?.Invoke(new ServerMapChange(ServerMapChangeKind.Replaced, string.Empty, null));
    }

    /// <summary>Records the master's startOver; raises <see cref="StartOver"/> the first time only.</summary>
    public void MarkStartOver()
    {
        if (Interlocked.Exchange(ref _startedOver, 1) == 0)
        {
            StartOver?.Invoke();
        }
    }

    /// <summary>Whether this incarnation of the server was removed here (pomelo's incarnation 0 never counts as removed).</summary>
    private static bool IsRemoved(in Slot slot, ServerEntry server) => server.Incarnation != 0 && slot.Removed >= server.Incarnation;

    private void Set(ref Slot slot, ServerEntry? server, long version)
    {
        _count += (server is null ? 0 : 1) - (slot.Server is null ? 0 : 1);
        slot.Server = server;
        slot.ChangedAt = version;
    }

    private struct Slot
    {
        public ServerEntry? Server;
        public long ChangedAt;
        public long Removed;
        public long ListedIn;
    }
}
