using System.Text.Json;
using Microsoft.Extensions.Logging;
using Pomelo.Akka.Console;
using Pomelo.Akka.Errors;
using Pomelo.Akka.Internal;
using Pomelo.Akka.Protocol;
using Pomelo.Akka.Protocol.Mqtt;

namespace Pomelo.Akka.Monitor;

/// <summary>
/// A monitor's link to the master: connects and registers with its token, heartbeats, dispatches the master's
/// messages to monitor handlers, and — when the master is not there yet or goes away — keeps retrying with back-off
/// and registers again (the same auth runs every time). It never gives up and never exits the process.
/// </summary>
internal sealed partial class MonitorAgent : IMonitorAgent, IAsyncDisposable
{
    private const string MasterPeer = "master";

    private readonly MonitorOptions _options;
    private readonly string? _token;
    private readonly MonitorConsoleService _console;
    private readonly AdminMessageWriter _writer;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly PendingRequestTable _pending;
    private readonly TaskCompletionSource _firstRegistration = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private volatile OutboundConnection? _connection;
    private Task _loop = Task.CompletedTask;
    private int _registrations;
    private int _failedAttempts;
    private int _disposing;
    private Action<Exception, long>? _onUnserialisable;

    public MonitorAgent(MonitorOptions options, string? token, MonitorConsoleService console, AdminMessageWriter writer, TimeProvider time, ILoggerFactory loggerFactory)
    {
        _options = options;
        _token = token;
        _console = console;
        _writer = writer;
        _time = time;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<MonitorAgent>();
        _pending = new PendingRequestTable(time);
        RawResponses = _pending.RawFrom(MasterPeer);
        Info = MonitorInfo.Build(options);
    }

    /// <summary>Raised after every successful registration (the first and each re-registration).</summary>
    public event Action<int>? Registered;

    /// <summary>Raised when a connection attempt fails or a registration is refused, with the reason.</summary>
    public event Action<string>? ConnectFailed;

    public string ServerId => _options.Id;

    public string ServerType => _options.ServerType;

    public JsonElement? Info { get; }

    public bool IsConnected => _connection is not null;

    public int Registrations => Volatile.Read(ref _registrations);

    public string? LastError { get; private set; }

    /// <summary>Starts the connect loop; completes on the first registration (throws if the master refuses it).</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _loop = Task.Run(RunAsync, CancellationToken.None);
        return _firstRegistration.Task.WaitAsync(cancellationToken);
    }

    public Task<JsonElement?> RequestAsync(string moduleId, object? message, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        if (_connection is not { } connection)
        {
            return Task.FromException<JsonElement?>(new PeerDisconnectedException(MasterPeer));
        }

        var (id, reply) = _pending.Add(MasterPeer, moduleId, timeout ?? _options.RequestTimeout, cancellationToken);
        _ = SendRequestAsync(connection, id, moduleId, message);
        return reply;
    }

    /// <summary>
    /// Sends a request whose reply body goes to <paramref name="readBody"/> as UTF-8 JSON, on the read loop, before the
    /// returned task completes (with no body): for a large reply read in one pass, without a document.
    /// </summary>
    internal Task RequestRawAsync(string moduleId, object? message, RawBodyReader readBody, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        if (_connection is not { } connection)
        {
            return Task.FromException(new PeerDisconnectedException(MasterPeer));
        }

        var (id, reply) = _pending.Add(MasterPeer, moduleId, timeout ?? _options.RequestTimeout, cancellationToken, readBody: readBody);
        _ = SendRequestAsync(connection, id, moduleId, message);
        return reply;
    }

    /// <summary>Gets where the session loop hands over the reply bodies requested raw.</summary>
    internal IRawResponseSink RawResponses { get; }

    public async ValueTask<bool> NotifyAsync(string moduleId, object? message, CancellationToken cancellationToken = default)
        => _connection is { } connection && await connection.Mqtt.SendNotifyAsync(_writer, AdminTopics.Monitor, moduleId, message, cancellationToken).ConfigureAwait(false);

    public async ValueTask<bool> NotifyManyAsync(string moduleId, IReadOnlyList<object?> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return _connection is { } connection && await connection.Mqtt.SendNotifiesAsync(_writer, AdminTopics.Monitor, moduleId, messages, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Drops the current connection without DISCONNECT, as a network failure would; the agent then reconnects.</summary>
    internal async Task AbortConnectionAsync()
    {
        if (_connection is { } connection)
        {
            await connection.Mqtt.CloseAsync(sendDisconnect: false).ConfigureAwait(false);
        }
    }

    /// <summary>Gets whether this monitor is stopping (it sent, or is about to send, DISCONNECT).</summary>
    internal bool IsLeaving => Volatile.Read(ref _disposing) != 0;

    /// <summary>
    /// Stops cleanly: DISCONNECT goes out first (so the master records Leaving, not Unreachable), then the session loop
    /// and the reconnect loop stop once the master closed the connection (or after 2 s). Stopping the loop first would let
    /// it close the socket without DISCONNECT.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        Volatile.Write(ref _disposing, 1);
        if (_connection is { } connection && await connection.Mqtt.SendAsync(DisconnectPacket.Instance).ConfigureAwait(false))
        {
            // The master closes its end on DISCONNECT. Our session loop keeps reading until then: closing a socket with
            // unread bytes resets it, and a reset can cost the master the DISCONNECT (a clean stop seen as a failure).
            await _loop.WaitAsync(OutboundConnection.AbandonTimeout, _time).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _firstRegistration.TrySetCanceled();
    }

    private async Task RunAsync()
    {
        var delay = _options.ReconnectDelay;
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                var request = new RegisterRequest(RegisterRequest.MonitorType, _options.Id, _options.ServerType, Environment.ProcessId, Info, _token);
                await using var connection = await OutboundConnection.ConnectAsync(
                    _options.MasterHost, _options.MasterPort, "MQTT_ADMIN_" + _options.Id, KeepAliveSeconds, _options.MaxFrameSize, _options.ConnectTimeout, _time, _loggerFactory, _stopping.Token,
                    OutboundConnection.SendRegister(_writer, AdminTopics.Register, request), connAckTimeout: _options.RegisterTimeout).ConfigureAwait(false);
                var reply = await connection.ReadRegisterReplyAsync(AdminTopics.Register, _options.RegisterTimeout, _time, _stopping.Token).ConfigureAwait(false);
                if (!reply.IsOk)
                {
                    Fail("master refused registration: " + reply.Msg);

                    // A master too busy to see our register in time says so: that is worth another try, not the end.
                    if (Registrations == 0 && reply.Msg != ProtocolCodes.RegisterTimeout)
                    {
                        _firstRegistration.TrySetException(new MonitorRegistrationException(reply.Msg ?? "refused"));
                        return;
                    }
                }
                else if (Volatile.Read(ref _disposing) != 0)
                {
                    // Registered while stopping: leave at once, cleanly.
                    await connection.Mqtt.CloseAsync(sendDisconnect: true).ConfigureAwait(false);
                    return;
                }
                else
                {
                    delay = _options.ReconnectDelay;
                    _failedAttempts = 0;
                    _connection = connection;
                    var count = Interlocked.Increment(ref _registrations);
                    LogRegistered(_logger, _options.Id, _options.MasterHost, _options.MasterPort, count);
                    _firstRegistration.TrySetResult();
                    Registered?.Invoke(count);
                    await new MonitorSessionLoop(connection.Mqtt, this, _options, _time, _logger).RunAsync(_stopping.Token).ConfigureAwait(false);
                    if (IsLeaving)
                    {
                        // Leaving (the master closed after our DISCONNECT, or we stopped before DisposeAsync saw this
                        // connection): DISCONNECT if not sent yet, and no reconnect.
                        await connection.Mqtt.CloseAsync(sendDisconnect: true).ConfigureAwait(false);
                        return;
                    }
                }
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Fail(ex.Message);
            }
            finally
            {
                if (_connection is not null)
                {
                    _connection = null;
                    var failed = _pending.FailAll(MasterPeer, static () => new PeerDisconnectedException(MasterPeer));
                    if (_stopping.IsCancellationRequested || IsLeaving)
                    {
                        LogStopped(_logger, _options.Id, failed);
                    }
                    else
                    {
                        LogDisconnected(_logger, _options.Id, failed);
                    }
                }
            }

            try
            {
                await Task.Delay(delay, _time, _stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.ReconnectDelayMax.Ticks));
        }
    }

    private ushort KeepAliveSeconds => (ushort)Math.Clamp(Math.Ceiling(_options.HeartbeatInterval.TotalSeconds), 1, ushort.MaxValue);

    /// <summary>
    /// Dispatches one message of the master; the session loop waits for the returned task, so a notify to a module
    /// whose mailbox is full holds the read loop (back-pressure) instead of being dropped. Requests go to the module
    /// with <paramref name="replyTo"/>, which the module answers directly.
    /// </summary>
    internal ValueTask OnMessageAsync(MqttConnection mqtt, IModuleReplyTarget replyTo, AdminMessage message, CancellationToken cancellationToken)
    {
        switch (message)
        {
            case RequestMessage request:
                _console.AskMonitorHandler(request.ModuleId, request.Body, replyTo, request.ReqId);
                break;
            case NotifyMessage notify:
                return _console.NotifyMonitorHandlerAsync(notify.ModuleId, notify.Body, cancellationToken);
            case ResponseMessage response:
                if (!_pending.TryComplete(response.RespId, MasterPeer, response.Error, response.Body))
                {
                    LogUnknownResponse(_logger, response.RespId);
                }

                break;
            case CommandMessage command:
                var result = _console.Command(command);
                if (command.ReqId is { } reqId)
                {
                    _ = mqtt.SendResponseAsync(_writer, AdminTopics.Monitor, reqId, null, result);
                }

                break;
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Sends a module's reply to the master's request on the connection the request came on.</summary>
    internal void Reply(MqttConnection mqtt, long reqId, object? body, Exception? error)
    {
        mqtt.SendReply(_writer, AdminTopics.Monitor, reqId, body, error, _onUnserialisable ??= (ex, id) => LogReplyFailed(_logger, ex, id));
    }

    private async Task SendRequestAsync(OutboundConnection connection, long id, string moduleId, object? message)
    {
        try
        {
            if (!await connection.Mqtt.SendRequestAsync(_writer, AdminTopics.Monitor, id, moduleId, message).ConfigureAwait(false))
            {
                _pending.Fail(id, new PeerDisconnectedException(MasterPeer));
            }
        }
        catch (Exception ex)
        {
            _pending.Fail(id, new AdminRequestException("request could not be sent: " + ex.Message, ex));
        }
    }

    private void Fail(string reason)
    {
        LastError = reason;
        var attempt = Interlocked.Increment(ref _failedAttempts);
        LogConnectFailed(_logger, _options.Id, _options.MasterHost, _options.MasterPort, attempt, reason);
        ConnectFailed?.Invoke(reason);
    }
}
