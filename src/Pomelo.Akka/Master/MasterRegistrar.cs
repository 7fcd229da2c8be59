using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Pomelo.Akka.Cluster;
using Pomelo.Akka.Console;
using Pomelo.Akka.Internal;
using Pomelo.Akka.Protocol;
using Pomelo.Akka.Security;

namespace Pomelo.Akka.Master;

/// <summary>
/// Decides registrations. Register and reconnect run the same auth: a monitor needs its type's token (the master's
/// own monitor a per-process secret); a token-less pomelo reconnect is accepted only as the resumption of a session
/// that authenticated from the same address within the resume margin; a client needs a valid user and password.
/// Registrations of one id are serialised; different ids run in parallel (no global lock across the reply's flush).
/// </summary>
internal sealed partial class MasterRegistrar
{
    /// <summary>The server type of the master's own in-process monitor.</summary>
    public const string MasterServerType = "master";

    private readonly MasterAgent _agent;
    private readonly AdminAuthenticator _auth;
    private readonly byte[] _selfToken;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    /// <summary>Registrations of one id run one at a time; ids are spread over these locks, so others run in parallel.</summary>
    private readonly SemaphoreSlim[] _idLocks = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];
    private readonly ConcurrentDictionary<string, Resumable> _resumable = new(StringComparer.Ordinal);

    public MasterRegistrar(MasterAgent agent, AdminAuthenticator auth, string selfToken, ILoggerFactory loggerFactory)
    {
        _agent = agent;
        _auth = auth;
        _selfToken = Encoding.UTF8.GetBytes(selfToken);
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<MasterRegistrar>();
    }

    public async Task<MasterSession?> RegisterAsync(MqttConnection mqtt, IPAddress remote, ushort keepAlive, ReadOnlyMemory<byte> payload, string replyTopic, CancellationToken cancellationToken)
    {
        if (!AdminMessageReader.TryReadRegister(payload.Span, out var request, out var error))
        {
            LogBadRegister(_logger, remote.ToString(), error);
            return await RefuseAsync(mqtt, replyTopic, "invalid register message: " + error).ConfigureAwait(false);
        }

        return request.Type switch
        {
            RegisterRequest.MonitorType => await RegisterMonitorAsync(mqtt, remote, keepAlive, request, replyTopic, cancellationToken).ConfigureAwait(false),
            RegisterRequest.ClientType when replyTopic == AdminTopics.Register => await RegisterClientAsync(mqtt, remote, keepAlive, request, cancellationToken).ConfigureAwait(false),
            _ => await RefuseAsync(mqtt, replyTopic, ProtocolCodes.UnknownType).ConfigureAwait(false),
        };
    }

    public void Unregister(MasterSession session)
    {
        switch (session)
        {
            case MonitorSession monitor:
                _agent.Remove(monitor);
                if (monitor.LeftCleanly)
                {
                    _agent.Membership.Leave(monitor.ServerId, monitor.Incarnation);
                }
                else
                {
                    _agent.Membership.ConnectionLost(monitor.ServerId, monitor.Incarnation);
                    _resumable[monitor.ServerId] = new Resumable(monitor.ServerType, monitor.RemoteAddress, _agent.Time.GetTimestamp());
                }

                break;
            case ClientSession client:
                _agent.Remove(client);
                LogClientLeft(_logger, client.Caller.Username, client.Caller.ClientId);
                break;
        }
    }

    private async Task<MasterSession?> RegisterMonitorAsync(MqttConnection mqtt, IPAddress remote, ushort keepAlive, RegisterRequest request, string replyTopic, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(request.Id))
        {
            return await RefuseAsync(mqtt, replyTopic, ProtocolCodes.MissingId).ConfigureAwait(false);
        }

        var serverType = request.ServerType ?? string.Empty;
        if (!IsServerAuthorized(request, serverType, remote, replyTopic))
        {
            LogServerRefused(_logger, request.Id, serverType, remote.ToString());
            return await RefuseAsync(mqtt, replyTopic, ProtocolCodes.ServerAuthFailed).ConfigureAwait(false);
        }

        var idLock = LockFor("monitor:", request.Id);
        await idLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_agent.TryGetSession(request.Id, out var existing))
            {
                if (_agent.Membership.Find(request.Id) is not { Status: MemberStatus.Unreachable })
                {
                    LogDuplicate(_logger, request.Id, remote.ToString());
                    return await RefuseAsync(mqtt, replyTopic, ProtocolCodes.IdRegistered(request.Id)).ConfigureAwait(false);
                }

                await _agent.EvictAsync(existing).ConfigureAwait(false);
            }

            var incarnation = _agent.NextIncarnation();
            var session = new MonitorSession(_agent, mqtt, request.Id, serverType, incarnation, remote, keepAlive, _loggerFactory.CreateLogger<MonitorSession>());
            // Registered before the reply goes out (as pomelo does): a peer told "ok" is already a member. Writes no
            // longer wait for their flush, so the reply can reach it before the next statement runs. Re-pushed
            // requests follow the reply. Once joined, the session is the caller's to run: no cancellation here.
            _agent.TryAdd(session);
            _agent.Membership.Join(request.Id, serverType, request.Pid, WithIncarnation(request.Info, incarnation), incarnation, remote, () => mqtt.CloseAsync(sendDisconnect: false));
            await mqtt.SendRegisterReplyAsync(replyTopic, new RegisterReply(ProtocolCodes.Ok, ProtocolCodes.OkMessage), CancellationToken.None).ConfigureAwait(false);
            _agent.Repush(session);
            _resumable.TryRemove(request.Id, out _);
            return session;
        }
        finally
        {
            idLock.Release();
        }
    }

    private async Task<MasterSession?> RegisterClientAsync(MqttConnection mqtt, IPAddress remote, ushort keepAlive, RegisterRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(request.Id))
        {
            return await RefuseAsync(mqtt, AdminTopics.Register, ProtocolCodes.MissingId).ConfigureAwait(false);
        }

        if (string.IsNullOrEmpty(request.Username))
        {
            return await RefuseAsync(mqtt, AdminTopics.Register, ProtocolCodes.ClientNeedsUsername).ConfigureAwait(false);
        }

        var result = _auth.AuthenticateClient(remote, request.Username, request.Password, request.Md5);
        if (!result.Success)
        {
            return await RefuseAsync(mqtt, AdminTopics.Register, result.IsLockedOut ? ProtocolCodes.TooManyFailures : ProtocolCodes.ClientAuthFailed).ConfigureAwait(false);
        }

        var idLock = LockFor("client:", request.Id);
        await idLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_agent.IsClientRegistered(request.Id))
            {
                LogDuplicate(_logger, request.Id, remote.ToString());
                return await RefuseAsync(mqtt, AdminTopics.Register, ProtocolCodes.IdRegistered(request.Id)).ConfigureAwait(false);
            }

            var caller = new ClientCaller(request.Id, result.User.Username, result.User.Level, remote);
            var session = new ClientSession(_agent, mqtt, caller, keepAlive, _loggerFactory.CreateLogger<ClientSession>());
            _agent.TryAdd(session);
            await mqtt.SendRegisterReplyAsync(AdminTopics.Register, new RegisterReply(ProtocolCodes.Ok, ProtocolCodes.OkMessage), CancellationToken.None).ConfigureAwait(false);
            LogClientLoggedIn(_logger, caller.Username, caller.Level, caller.ClientId, remote.ToString());
            return session;
        }
        finally
        {
            idLock.Release();
        }
    }

    private SemaphoreSlim LockFor(string role, string id)
        => _idLocks[(int)((uint)StringComparer.Ordinal.GetHashCode(role + id) % (uint)_idLocks.Length)];

    private bool IsServerAuthorized(RegisterRequest request, string serverType, IPAddress remote, string replyTopic)
    {
        if (serverType == MasterServerType)
        {
            return request.Token is { } token && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), _selfToken);
        }

        if (request.Token is null && replyTopic == AdminTopics.ReconnectOk)
        {
            return TryResume(request.Id!, serverType, remote);
        }

        return _auth.AuthenticateServer(remote, serverType, request.Token);
    }

    private bool TryResume(string id, string serverType, IPAddress remote)
    {
        if (!_resumable.TryGetValue(id, out var previous))
        {
            return false;
        }

        var age = _agent.Time.GetElapsedTime(previous.At);
        var ok = age <= _agent.Membership.Options.RemovalMargin && previous.ServerType == serverType && previous.Address.Equals(remote);
        LogResume(_logger, id, ok, age.TotalSeconds);
        return ok;
    }

    /// <summary>Adds our <c>incarnation</c> to the server info, so every node's server map can order updates.</summary>
    private static System.Text.Json.JsonElement WithIncarnation(System.Text.Json.JsonElement? info, long incarnation)
    {
        var node = info is { ValueKind: System.Text.Json.JsonValueKind.Object } i
            ? System.Text.Json.Nodes.JsonObject.Create(i)!
            : new System.Text.Json.Nodes.JsonObject();
        node["incarnation"] = incarnation;
        return System.Text.Json.JsonSerializer.SerializeToElement(node);
    }

    private static async Task<MasterSession?> RefuseAsync(MqttConnection mqtt, string topic, string message)
    {
        await mqtt.SendRegisterReplyAsync(topic, new RegisterReply(ProtocolCodes.Fail, message)).ConfigureAwait(false);
        await mqtt.CloseAsync(sendDisconnect: true).ConfigureAwait(false);
        return null;
    }

    private sealed record Resumable(string ServerType, IPAddress Address, long At);
}
