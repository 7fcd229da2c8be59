using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
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
    private readonly ConcurrentDictionary<string, MonitorSession> _monitors = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ClientSession> _clients = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ModuleCache> _caches = new(StringComparer.Ordinal);
    private readonly ILogger _logger;
    private readonly ITimer _sweep;
    private long _lastIncarnation;

    public MasterAgent(MasterOptions options, MasterConsoleService console, AdminMessageWriter writer, TimeProvider time, ILogger logger)
    {
        Options = options;
        Console = console;
        Writer = writer;
        Time = time;
        _logger = logger;
        Pending = new PendingRequestTable(time);
        _sweep = time.CreateTimer(static s => ((MasterAgent)s!).Sweep(), this, options.SweepInterval, options.SweepInterval);
    }

    public MasterOptions Options { get; }

    public MasterConsoleService Console { get; }

    public AdminMessageWriter Writer { get; }

    public TimeProvider Time { get; }

    public PendingRequestTable Pending { get; }

    public string ServerId => Options.Id;

    public IReadOnlyList<RegisteredServer> Servers => _monitors.Values.Select(s => s.Server).OrderBy(s => s.Id, StringComparer.Ordinal).ToList();

    public IReadOnlyCollection<ClientSession> Clients => _clients.Values.ToList();

    public bool IsServerRegistered(string id) => _monitors.ContainsKey(id);

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
        if (!_monitors.TryAdd(session.Server.Id, session))
        {
            return false;
        }

        LogServerRegistered(_logger, session.Server.Id, session.Server.ServerType, session.RemoteAddress.ToString(), session.Server.Incarnation);
        return true;
    }

    public bool TryAdd(ClientSession session) => _clients.TryAdd(session.Caller.ClientId, session);

    public void Remove(MonitorSession session)
    {
        if (_monitors.TryRemove(new KeyValuePair<string, MonitorSession>(session.Server.Id, session)))
        {
            var failed = Pending.FailAll(session.Server.Id, () => new PeerDisconnectedException(session.Server.Id));
            LogServerRemoved(_logger, session.Server.Id, failed);
        }
    }

    public void Remove(ClientSession session) => _clients.TryRemove(new KeyValuePair<string, ClientSession>(session.Caller.ClientId, session));

    public Task<JsonElement?> RequestAsync(string serverId, string moduleId, object? message, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        if (!_monitors.TryGetValue(serverId, out var session))
        {
            return Task.FromException<JsonElement?>(new UnknownServerException(serverId));
        }

        var (id, reply) = Pending.Add(serverId, moduleId, timeout ?? Options.RequestTimeout, cancellationToken);
        _ = SendRequestAsync(session, id, moduleId, message);
        return reply;
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

    public ValueTask<int> NotifyByTypeAsync(string serverType, string moduleId, object? message, CancellationToken cancellationToken = default)
        => BroadcastAsync(s => s.Server.ServerType == serverType, b => Writer.WriteNotify(b, moduleId, message), cancellationToken);

    public ValueTask<int> NotifyAllAsync(string moduleId, object? message, CancellationToken cancellationToken = default)
        => BroadcastAsync(static _ => true, b => Writer.WriteNotify(b, moduleId, message), cancellationToken);

    public ValueTask<int> BroadcastCommandAsync(string command, string moduleId, object? message, string? serverId = null, CancellationToken cancellationToken = default)
        => BroadcastAsync(s => serverId is null || s.Server.Id == serverId, b => Writer.WriteCommand(b, null, command, moduleId, message), cancellationToken);

    public ModuleCache GetCache(string moduleId) => _caches.GetOrAdd(moduleId, static _ => new ModuleCache());

    public async ValueTask DisposeAsync()
    {
        await _sweep.DisposeAsync().ConfigureAwait(false);
        foreach (var session in _monitors.Values.Cast<MasterSession>().Concat(_clients.Values))
        {
            await session.Connection.CloseAsync(sendDisconnect: true).ConfigureAwait(false);
        }
    }

    private async Task SendRequestAsync(MonitorSession session, long id, string moduleId, object? message)
    {
        try
        {
            if (!await session.Connection.SendRequestAsync(Writer, AdminTopics.Monitor, id, moduleId, message).ConfigureAwait(false))
            {
                Pending.Fail(id, new PeerDisconnectedException(session.Server.Id));
            }
        }
        catch (Exception ex)
        {
            Pending.Fail(id, new AdminRequestException("request could not be sent: " + ex.Message, ex));
        }
    }

    /// <summary>Serialises a message once and sends it to every matching monitor.</summary>
    private async ValueTask<int> BroadcastAsync(Func<MonitorSession, bool> match, Action<IBufferWriter<byte>> write, CancellationToken cancellationToken)
    {
        var targets = _monitors.Values.Where(match).ToList();
        if (targets.Count == 0)
        {
            return 0;
        }

        var buffer = new ArrayBufferWriter<byte>(256);
        write(buffer);
        var payload = buffer.WrittenMemory;
        var sends = new Task<bool>[targets.Count];
        for (var i = 0; i < targets.Count; i++)
        {
            sends[i] = targets[i].Connection.PublishAsync(AdminTopics.Monitor, payload, cancellationToken).AsTask();
        }

        var results = await Task.WhenAll(sends).ConfigureAwait(false);
        return results.Count(static ok => ok);
    }

    private void Sweep()
    {
        var now = Time.GetTimestamp();
        foreach (var session in _monitors.Values.Cast<MasterSession>().Concat(_clients.Values))
        {
            if (session.KeepAlive <= TimeSpan.Zero)
            {
                continue;
            }

            var silent = Time.GetElapsedTime(session.LastSeen, now);
            if (silent > (session.KeepAlive * 1.5) + Options.KeepAliveGrace)
            {
                LogSilentPeer(_logger, session.PeerId, silent.TotalSeconds);
                _ = session.Connection.CloseAsync(sendDisconnect: false);
            }
        }
    }

    [LoggerMessage(1000, LogLevel.Information, "Server {ServerId} ({ServerType}) registered from {Address}, incarnation {Incarnation}")]
    private static partial void LogServerRegistered(ILogger logger, string serverId, string serverType, string address, long incarnation);

    [LoggerMessage(1001, LogLevel.Information, "Server {ServerId} removed; {Failed} pending requests failed")]
    private static partial void LogServerRemoved(ILogger logger, string serverId, int failed);

    [LoggerMessage(1002, LogLevel.Warning, "Notify to unknown server {ServerId} (module {ModuleId}) dropped")]
    private static partial void LogNotifyUnknown(ILogger logger, string serverId, string moduleId);

    [LoggerMessage(1003, LogLevel.Warning, "{Peer} silent for {Seconds:0.0} s, beyond its keep-alive; closing")]
    private static partial void LogSilentPeer(ILogger logger, string peer, double seconds);
}
