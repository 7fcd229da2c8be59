using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Pomelo.Akka.Errors;
using Pomelo.Akka.Internal;
using Pomelo.Akka.Protocol;
using Pomelo.Akka.Protocol.Mqtt;

namespace Pomelo.Akka.Client;

/// <summary>
/// An admin client (CLI, web console, scripts, tests): logs in to the master, then requests or notifies modules'
/// client handlers and runs the console commands <c>list</c>, <c>enable</c> and <c>disable</c>.
/// </summary>
public sealed partial class AdminClient : IAsyncDisposable
{
    private const string MasterPeer = "master";

    private readonly OutboundConnection _connection;
    private readonly AdminClientOptions _options;
    private readonly AdminMessageWriter _writer = new();
    private readonly PendingRequestTable _pending;
    private int _ended;
    private readonly ILogger _logger;
    private readonly ITimer? _ping;
    private readonly Task _reader;

    private AdminClient(OutboundConnection connection, AdminClientOptions options, string clientId, TimeProvider time, ILogger logger)
    {
        _connection = connection;
        _options = options;
        ClientId = clientId;
        _logger = logger;
        _pending = new PendingRequestTable(time);
        if (options.KeepAlive > TimeSpan.Zero)
        {
            _ping = time.CreateTimer(static s => _ = ((AdminClient)s!)._connection.Mqtt.SendAsync(PingReqPacket.Instance), this, options.KeepAlive, options.KeepAlive);
        }

        _reader = Task.Run(ReadLoopAsync);
    }

    /// <summary>Gets the id this client registered with.</summary>
    public string ClientId { get; }

    /// <summary>Gets whether the connection is still open.</summary>
    public bool IsConnected => !_connection.Mqtt.IsClosed && !_reader.IsCompleted;

    /// <summary>Connects and logs in.</summary>
    /// <param name="options">Where and who.</param>
    /// <param name="time">The clock; the system clock when null.</param>
    /// <param name="loggerFactory">Loggers; none when null.</param>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    /// <returns>The logged-in client.</returns>
    /// <exception cref="AdminAuthenticationException">The master refused the login.</exception>
    public static async Task<AdminClient> ConnectAsync(AdminClientOptions options, TimeProvider? time = null, ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default)
    {
        time ??= TimeProvider.System;
        loggerFactory ??= NullLoggerFactory.Instance;
        var clientId = options.ClientId ?? "client-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant();
        var keepAlive = (ushort)Math.Clamp(Math.Ceiling(options.KeepAlive.TotalSeconds), 0, ushort.MaxValue);
        var password = options.Md5 ? Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(options.Password))).ToLowerInvariant() : options.Password;
        var request = new RegisterRequest(RegisterRequest.ClientType, clientId, Username: options.Username, Password: password, Md5: options.Md5);
        var connection = await OutboundConnection.ConnectAsync(
            options.Host, options.Port, clientId, keepAlive, options.MaxFrameSize, options.ConnectTimeout, time, loggerFactory, cancellationToken,
            OutboundConnection.SendRegister(new AdminMessageWriter(), AdminTopics.Register, request)).ConfigureAwait(false);
        try
        {
            var reply = await connection.ReadRegisterReplyAsync(AdminTopics.Register, options.ConnectTimeout, time, cancellationToken).ConfigureAwait(false);
            if (!reply.IsOk)
            {
                throw new AdminAuthenticationException(reply.Msg ?? "refused");
            }

            return new AdminClient(connection, options, clientId, time, loggerFactory.CreateLogger<AdminClient>());
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Requests a module's client handler.</summary>
    /// <param name="moduleId">The module.</param>
    /// <param name="body">The body.</param>
    /// <param name="timeout">The deadline; the configured one when null.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The reply body.</returns>
    public Task<JsonElement?> RequestAsync(string moduleId, object? body, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var (id, reply) = _pending.Add(MasterPeer, moduleId, timeout ?? _options.RequestTimeout, cancellationToken);
        if (!FailIfEnded(id))
        {
            _ = SendAsync(id, () => _connection.Mqtt.SendRequestAsync(_writer, AdminTopics.Client, id, moduleId, body));
        }

        return reply;
    }

    /// <summary>Runs a console command (<c>list</c>, <c>enable</c>, <c>disable</c>).</summary>
    /// <param name="command">The command.</param>
    /// <param name="moduleId">The module it is about, if any.</param>
    /// <param name="body">Extra arguments (e.g. <c>{ serverId }</c> to switch a module on one server only).</param>
    /// <param name="timeout">The deadline; the configured one when null.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The reply body.</returns>
    public Task<JsonElement?> CommandAsync(string command, string? moduleId = null, object? body = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var (id, reply) = _pending.Add(MasterPeer, moduleId ?? command, timeout ?? _options.RequestTimeout, cancellationToken);
        if (!FailIfEnded(id))
        {
            _ = SendAsync(id, () => _connection.Mqtt.SendCommandAsync(_writer, AdminTopics.Client, id, command, moduleId, body));
        }

        return reply;
    }

    /// <summary>Notifies a module's client handler.</summary>
    /// <param name="moduleId">The module.</param>
    /// <param name="body">The body.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>False when the connection is closed.</returns>
    public ValueTask<bool> NotifyAsync(string moduleId, object? body, CancellationToken cancellationToken = default)
        => _connection.Mqtt.SendNotifyAsync(_writer, AdminTopics.Client, moduleId, body, cancellationToken);

    /// <summary>Sends DISCONNECT and closes the connection; pending requests fail.</summary>
    /// <returns>A task that completes when closed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (_ping is not null)
        {
            await _ping.DisposeAsync().ConfigureAwait(false);
        }

        await _connection.Mqtt.CloseAsync(sendDisconnect: true).ConfigureAwait(false);
        await _reader.ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Fails a request added after the connection ended at once (instead of at its deadline). The read loop marks the
    /// end before it fails what is pending, and this reads the mark after the add, so every request is failed by one
    /// of the two.
    /// </summary>
    private bool FailIfEnded(long id)
    {
        if (Volatile.Read(ref _ended) == 0)
        {
            return false;
        }

        _pending.Fail(id, new PeerDisconnectedException(MasterPeer));
        return true;
    }

    private async Task SendAsync(long id, Func<ValueTask<bool>> send)
    {
        try
        {
            if (!await send().ConfigureAwait(false))
            {
                _pending.Fail(id, new PeerDisconnectedException(MasterPeer));
            }
        }
        catch (Exception ex)
        {
            _pending.Fail(id, new AdminRequestException("request could not be sent: " + ex.Message, ex));
        }
    }

    private async Task ReadLoopAsync()
    {
        try
        {
            while (true)
            {
                var outcome = await _connection.Mqtt.ReadAsync(_connection.Mqtt.Closed).ConfigureAwait(false);
                if (outcome.Packet is null || outcome.Packet is DisconnectPacket)
                {
                    if (outcome.Error is { } error)
                    {
                        LogProtocolError(_logger, error.Message);
                    }

                    return;
                }

                if (outcome.Packet is PublishPacket { Topic: AdminTopics.Client } publish)
                {
                    if (!AdminMessageReader.TryReadMessage(publish.Payload.Span, out var message, out var reason))
                    {
                        LogBadMessage(_logger, reason);
                    }
                    else if (message is ResponseMessage response)
                    {
                        _pending.TryComplete(response.RespId, MasterPeer, response.Error, response.Body);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException)
        {
            LogProtocolError(_logger, ex.Message);
        }
        finally
        {
            Interlocked.Exchange(ref _ended, 1);
            _pending.FailAll(MasterPeer, static () => new PeerDisconnectedException(MasterPeer));
        }
    }

    [LoggerMessage(4000, LogLevel.Warning, "Connection to the master ended: {Reason}")]
    private static partial void LogProtocolError(ILogger logger, string reason);

    [LoggerMessage(4001, LogLevel.Warning, "Bad message from the master ignored: {Reason}")]
    private static partial void LogBadMessage(ILogger logger, string reason);
}
