using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Pomelo.Akka.Cluster;
using Pomelo.Akka.Console;
using Pomelo.Akka.Errors;
using Pomelo.Akka.Internal;
using Pomelo.Akka.Protocol;

namespace Pomelo.Akka.Master;

/// <summary>
/// The master's registry of monitors and clients and its <see cref="IMasterAgent"/>: requests with deadlines,
/// notifies by id / type / all, command broadcasts, per-module caches, and the sweep that closes silent peers.
/// </summary>
internal sealed partial class MasterAgent : IMasterAgent, IAsyncDisposable
{
    /// <summary>The module id of liveness probes; no node has it, so the peer answers with an error, which proves liveness.</summary>
    public const string ProbeModuleId = "__probe__";

    private readonly ConcurrentDictionary<string, MonitorSession> _monitors = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ClientSession> _clients = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ModuleCache> _caches = new(StringComparer.Ordinal);
    private readonly ILogger _logger;
    private readonly ITimer _sweep;
    private readonly IDisposable _removals;
    private long _lastIncarnation;

    public MasterAgent(MasterOptions options, ClusterMembership membership, MasterConsoleService console, AdminMessageWriter writer, TimeProvider time, ILogger logger)
    {
        Options = options;
        Membership = membership;
        Console = console;
        Writer = writer;
        Time = time;
        _logger = logger;
        Pending = new PendingRequestTable(time);
        _removals = membership.Subscribe<MemberRemoved>(OnRemoved, initialStateAsEvents: false);
        _sweep = time.CreateTimer(static s => ((MasterAgent)s!).Sweep(), this, options.SweepInterval, options.SweepInterval);
    }

    public ClusterMembership Membership { get; }

    public MasterOptions Options { get; }

    public MasterConsoleService Console { get; }

    public AdminMessageWriter Writer { get; }

    /// <summary>Gets the envelope scratch writers every connection of this master shares (none kept per connection).</summary>
    public ScratchWriterPool Scratch { get; } = ScratchWriterPool.ForManyConnections();

    public TimeProvider Time { get; }

    public PendingRequestTable Pending { get; }

    public string ServerId => Options.Id;

    public IReadOnlyList<Member> Servers => Membership.Members.Where(m => m.Status == MemberStatus.Up).ToList();

    public IReadOnlyCollection<ClientSession> Clients => _clients.Values.ToList();

    public bool TryGetSession(string id, out MonitorSession session) => _monitors.TryGetValue(id, out session!);

    /// <summary>Gets a value indicating whether output to any monitor is still on its way (see <see cref="MqttConnection.IsSending"/>).</summary>
    public bool AnyMonitorSending()
    {
        foreach (var (_, session) in _monitors)
        {
            if (session.Connection.IsSending)
            {
                return true;
            }
        }

        return false;
    }

    public bool IsClientRegistered(string id) => _clients.ContainsKey(id);

    /// <summary>Returns an incarnation number larger than any handed out before, also across master restarts.</summary>
    public long NextIncarnation()
    {
        var candidate = Time.GetUtcNow().ToUnixTimeMilliseconds() * 1000;
        while (true)
        {
            var last = Interlocked.Read(ref _lastIncarnation);
            var next = Math.Max(candidate, last + 1);
            if (Interlocked.CompareExchange(ref _lastIncarnation, next, last) == last)
            {
                return next;
            }
        }
    }

    public bool TryAdd(MonitorSession session)
    {
        if (!_monitors.TryAdd(session.ServerId, session))
        {
            return false;
        }

        LogServerRegistered(_logger, session.ServerId, session.ServerType, session.RemoteAddress.ToString(), session.Incarnation);
        return true;
    }

    /// <summary>Drops a session whose member is unreachable so the same server can register again at once.</summary>
    public async ValueTask EvictAsync(MonitorSession session)
    {
        _monitors.TryRemove(new KeyValuePair<string, MonitorSession>(session.ServerId, session));
        LogEvicted(_logger, session.ServerId, session.Incarnation);
        await session.Connection.CloseAsync(sendDisconnect: false).ConfigureAwait(false);
    }

    /// <summary>Re-sends the requests that were waiting for a server while it was away (pomelo's QoS re-push).</summary>
    public void Repush(MonitorSession session)
    {
        foreach (var (id, moduleId, message) in Pending.PendingFor(session.ServerId))
        {
            _ = SendRequestAsync(session, id, moduleId, message);
        }
    }

    public bool TryAdd(ClientSession session) => _clients.TryAdd(session.Caller.ClientId, session);

    /// <summary>Forgets an ended session; its pending requests wait (bounded) for the server to come back.</summary>
    public void Remove(MonitorSession session)
    {
        if (_monitors.TryRemove(new KeyValuePair<string, MonitorSession>(session.ServerId, session)))
        {
            var failed = Pending.Trim(session.ServerId, Membership.Options.MaxRepushPerMember, () => new PeerDisconnectedException(session.ServerId));
            LogServerDisconnected(_logger, session.ServerId, Pending.PendingFor(session.ServerId).Count, failed);
        }
    }

    public void Remove(ClientSession session) => _clients.TryRemove(new KeyValuePair<string, ClientSession>(session.Caller.ClientId, session));

    public Task<JsonElement?> RequestAsync(string serverId, string moduleId, object? message, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        if (_monitors.TryGetValue(serverId, out var session))
        {
            var (id, reply) = Pending.Add(serverId, moduleId, timeout ?? Options.RequestTimeout, cancellationToken, message);
            _ = SendRequestAsync(session, id, moduleId, message);
            return reply;
        }

        if (Membership.Find(serverId) is not null)
        {
            return Pending.Add(serverId, moduleId, timeout ?? Options.RequestTimeout, cancellationToken, message).Reply;
        }

        return Task.FromException<JsonElement?>(new UnknownServerException(serverId));
    }

    public async ValueTask<bool> NotifyByIdAsync(string serverId, string moduleId, object? message, CancellationToken cancellationToken = default)
    {
        if (!_monitors.TryGetValue(serverId, out var session))
        {
            LogNotifyUnknown(_logger, serverId, moduleId);
            return false;
        }

        return await session.Connection.SendNotifyAsync(Writer, AdminTopics.Monitor, moduleId, message, cancellationToken).ConfigureAwait(false);
    }

    public ValueTask<int> NotifyByIdsAsync(IReadOnlyCollection<string> serverIds, string moduleId, object? message, CancellationToken cancellationToken = default)
    {
        // Look each id up (O(1) each) instead of matching every session against the list (O(ids) each).
        var targets = new List<MonitorSession>(serverIds.Count);
        var seen = new HashSet<string>(serverIds.Count, StringComparer.Ordinal);
        foreach (var id in serverIds)
        {
            if (seen.Add(id) && _monitors.TryGetValue(id, out var session))
            {
                targets.Add(session);
            }
        }

        return SendToAllAsync(targets, b => Writer.WriteNotify(b, moduleId, message), cancellationToken);
    }

    public ValueTask<int> NotifyByTypeAsync(string serverType, string moduleId, object? message, CancellationToken cancellationToken = default)
        => BroadcastAsync(s => s.ServerType == serverType, b => Writer.WriteNotify(b, moduleId, message), cancellationToken);

    public ValueTask<int> NotifyAllAsync(string moduleId, object? message, CancellationToken cancellationToken = default)
        => BroadcastAsync(static _ => true, b => Writer.WriteNotify(b, moduleId, message), cancellationToken);

    public ValueTask<int> BroadcastCommandAsync(string command, string moduleId, object? message, string? serverId = null, CancellationToken cancellationToken = default)
        => BroadcastAsync(s => serverId is null || s.ServerId == serverId, b => Writer.WriteCommand(b, null, command, moduleId, message), cancellationToken);

    public ModuleCache GetCache(string moduleId) => _caches.GetOrAdd(moduleId, static _ => new ModuleCache());

    public async ValueTask DisposeAsync()
    {
        await _sweep.DisposeAsync().ConfigureAwait(false);
        _removals.Dispose();
        foreach (var session in _monitors.Values.Cast<MasterSession>().Concat(_clients.Values))
        {
            await session.Connection.CloseAsync(sendDisconnect: true).ConfigureAwait(false);
        }
    }

    private async Task SendRequestAsync(MonitorSession session, long id, string moduleId, object? message)
    {
        try
        {
            await session.Connection.SendRequestAsync(Writer, AdminTopics.Monitor, id, moduleId, message).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Pending.Fail(id, new AdminRequestException("request could not be sent: " + ex.Message, ex));
        }
    }

    /// <summary>Serialises a message once and sends it to every matching monitor.</summary>
    private ValueTask<int> BroadcastAsync(Func<MonitorSession, bool> match, Action<IBufferWriter<byte>> write, CancellationToken cancellationToken)
    {
        var targets = new List<MonitorSession>(_monitors.Count);
        foreach (var (_, session) in _monitors)
        {
            if (match(session))
            {
                targets.Add(session);
            }
        }

        return SendToAllAsync(targets, write, cancellationToken);
    }

    /// <summary>Serialises a message once and sends the same bytes to every target; waits only for sends still in flight.</summary>
    private static async ValueTask<int> SendToAllAsync(List<MonitorSession> targets, Action<IBufferWriter<byte>> write, CancellationToken cancellationToken)
    {
        if (targets.Count == 0)
        {
            return 0;
        }

        var buffer = new ArrayBufferWriter<byte>(256);
        write(buffer);
        var payload = buffer.WrittenMemory;
        var sent = 0;
        List<Task<bool>>? pending = null;
        foreach (var target in targets)
        {
            var send = target.Connection.PublishAsync(AdminTopics.Monitor, payload, cancellationToken);
            if (send.IsCompletedSuccessfully)
            {
                sent += send.Result ? 1 : 0;
            }
            else
            {
                (pending ??= []).Add(send.AsTask());
            }
        }

        if (pending is not null)
        {
            foreach (var ok in await Task.WhenAll(pending).ConfigureAwait(false))
            {
                sent += ok ? 1 : 0;
            }
        }

        return sent;
    }

    private void OnRemoved(MemberRemoved removed)
    {
        var failed = Pending.FailAll(removed.Member.Id, () => new MemberRemovedException(removed.Member.Id));
        if (failed > 0)
        {
            LogPendingFailed(_logger, removed.Member.Id, failed);
        }
    }

    /// <summary>Closes silent clients; probes monitors that do not heartbeat (pomelo's keep-alive 0) with a cheap request.</summary>
    private void Sweep()
    {
        var now = Time.GetTimestamp();
        foreach (var client in _clients.Values)
        {
            var silent = Time.GetElapsedTime(client.LastSeen, now);
            if (client.KeepAlive > TimeSpan.Zero && silent > (client.KeepAlive * 1.5) + Options.KeepAliveGrace)
            {
                LogSilentPeer(_logger, client.PeerId, silent.TotalSeconds);
                _ = client.Connection.CloseAsync(sendDisconnect: false);
            }
        }

        foreach (var monitor in _monitors.Values)
        {
            if (monitor.KeepAlive <= TimeSpan.Zero
                && Time.GetElapsedTime(monitor.LastSeen, now) >= Membership.Options.HeartbeatInterval
                && Interlocked.CompareExchange(ref monitor.ProbeInFlight, 1, 0) == 0)
            {
                _ = ProbeAsync(monitor);
            }
        }
    }

    private async Task ProbeAsync(MonitorSession monitor)
    {
        try
        {
            var (id, reply) = Pending.Add(monitor.ServerId, ProbeModuleId, Membership.Options.HeartbeatInterval * 3, CancellationToken.None);
            await monitor.Connection.SendRequestAsync(Writer, AdminTopics.Monitor, id, ProbeModuleId, null).ConfigureAwait(false);
            await reply.ConfigureAwait(false);
        }
        catch (AdminRequestException)
        {
            // Any reply, even an error reply, was a frame from the peer and fed its failure detector.
        }
        finally
        {
            Volatile.Write(ref monitor.ProbeInFlight, 0);
        }
    }

    [LoggerMessage(1000, LogLevel.Information, "Server {ServerId} ({ServerType}) registered from {Address}, incarnation {Incarnation}")]
    private static partial void LogServerRegistered(ILogger logger, string serverId, string serverType, string address, long incarnation);

    [LoggerMessage(1001, LogLevel.Information, "Server {ServerId} disconnected; {Waiting} requests wait for it to return, {Failed} over the limit failed")]
    private static partial void LogServerDisconnected(ILogger logger, string serverId, int waiting, int failed);

    [LoggerMessage(1004, LogLevel.Information, "Server {ServerId} removed; {Failed} pending requests failed")]
    private static partial void LogPendingFailed(ILogger logger, string serverId, int failed);

    [LoggerMessage(1005, LogLevel.Warning, "Session of unreachable server {ServerId} (incarnation {Incarnation}) evicted for its new registration")]
    private static partial void LogEvicted(ILogger logger, string serverId, long incarnation);

    [LoggerMessage(1002, LogLevel.Warning, "Notify to unknown server {ServerId} (module {ModuleId}) dropped")]
    private static partial void LogNotifyUnknown(ILogger logger, string serverId, string moduleId);

    [LoggerMessage(1003, LogLevel.Warning, "{Peer} silent for {Seconds:0.0} s, beyond its keep-alive; closing")]
    private static partial void LogSilentPeer(ILogger logger, string peer, double seconds);
}
