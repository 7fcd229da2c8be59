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
    private readonly Dictionary<string, ServerEntry> _servers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _removed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _changedAt = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _version;
    private int _startedOver;

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

    /// <summary>Gets whether startOver was received.</summary>
    public bool StartedOver => Volatile.Read(ref _startedOver) != 0;

    /// <summary>Gets the servers, sorted by id.</summary>
    public IReadOnlyList<ServerEntry> Servers
    {
        get
        {
            lock (_gate)
            {
                return _servers.Values.OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
            }
        }
    }

    /// <summary>Finds a server.</summary>
    /// <param name="id">The server id.</param>
    /// <returns>The entry, or null when it is not Up.</returns>
    public ServerEntry? Find(string id)
    {
        lock (_gate)
        {
            return _servers.GetValueOrDefault(id);
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
        lock (_gate)
        {
            if ((_servers.TryGetValue(server.Id, out var existing) && existing.Incarnation > server.Incarnation)
                || (_removed.TryGetValue(server.Id, out var removed) && removed >= server.Incarnation && server.Incarnation != 0))
            {
                return false;
            }

            _servers[server.Id] = server;
            _changedAt[server.Id] = ++_version;
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
            if (!_servers.TryGetValue(id, out var existing))
            {
                if (incarnation is { } gone)
                {
                    _removed[id] = Math.Max(gone, _removed.GetValueOrDefault(id));
                    _changedAt[id] = ++_version;
                }

                return false;
            }

            var removed = incarnation ?? existing.Incarnation;
            if (existing.Incarnation > removed)
            {
                return false;
            }

            _servers.Remove(id);
            _removed[id] = Math.Max(removed, _removed.GetValueOrDefault(id));
            _changedAt[id] = ++_version;
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
        lock (_gate)
        {
            var version = ++_version;
            var next = new Dictionary<string, ServerEntry>(StringComparer.Ordinal);
            foreach (var server in servers)
            {
                if (ChangedSince(server.Id, sinceVersion)
                    || (_removed.TryGetValue(server.Id, out var removed) && removed >= server.Incarnation && server.Incarnation != 0))
                {
                    continue;
                }

                next[server.Id] = _servers.TryGetValue(server.Id, out var mine) && mine.Incarnation > server.Incarnation ? mine : server;
            }

            foreach (var (id, mine) in _servers)
            {
                if (ChangedSince(id, sinceVersion))
                {
                    next[id] = mine;
                }
                else if (!next.ContainsKey(id))
                {
                    _changedAt[id] = version;
                }
            }

            foreach (var id in next.Keys)
            {
                if (!_servers.TryGetValue(id, out var before) || !ReferenceEquals(before, next[id]))
                {
                    _changedAt[id] = version;
                }
            }

            _servers.Clear();
            foreach (var (id, server) in next)
            {
                _servers[id] = server;
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

    private bool ChangedSince(string id, long sinceVersion) => _changedAt.TryGetValue(id, out var at) && at > sinceVersion;
}
