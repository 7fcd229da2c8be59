using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pomelo.Akka.Cluster;
using Pomelo.Akka.Console;
using Pomelo.Akka.Monitor;
using Pomelo.Akka.Protocol;
using Pomelo.Akka.Security;

namespace Pomelo.Akka.Master;

/// <summary>
/// The master as a hosted service. Start order: register modules → listen (Kestrel, this handler only) → enable
/// modules (schedule pull ticks) → run each module's Start → start its own monitor (server type <c>master</c>).
/// </summary>
public sealed partial class MasterService : IHostedService, IAsyncDisposable
{
    private readonly MasterOptions _options;
    private readonly IServiceProvider _services;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly IReadOnlyList<AdminModuleRegistration> _modules;
    private readonly ModuleSupervisionOptions _supervision;
    private readonly MasterConsoleService _console;
    private readonly MasterAgent _agent;
    private readonly ClusterMembership _membership;
    private readonly IDisposable _memberEvents;
    private readonly MemoryTrim _trim;
    private readonly IDisposable _trimEvents;
    private readonly MasterRegistrar _registrar;
    private readonly string _selfToken = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
    private readonly CancellationTokenSource _stopping = new();
    private KestrelServer? _server;
    private MonitorService? _ownMonitor;
    private int _disposed;

    /// <summary>Initializes the master from DI.</summary>
    /// <param name="options">The master options.</param>
    /// <param name="authenticator">Checks users and server tokens.</param>
    /// <param name="modules">The modules registered on this node.</param>
    /// <param name="services">The node's services, for module factories.</param>
    /// <param name="supervision">How module actors are supervised.</param>
    /// <param name="membership">Failure detection and removal settings.</param>
    /// <param name="time">The clock.</param>
    /// <param name="loggerFactory">Loggers.</param>
    public MasterService(
        IOptions<MasterOptions> options,
        AdminAuthenticator authenticator,
        IEnumerable<AdminModuleRegistration> modules,
        IServiceProvider services,
        IOptions<ModuleSupervisionOptions> supervision,
        IOptions<MembershipOptions> membership,
        TimeProvider time,
        ILoggerFactory loggerFactory)
    {
        _options = options.Value;
        _services = services;
        _time = time;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<MasterService>();
        _modules = modules.ToList();
        _supervision = supervision.Value;
        _console = new MasterConsoleService(_options.Id, _modules, services, _supervision, time, loggerFactory);
        _membership = new ClusterMembership(membership.Value, time, loggerFactory.CreateLogger<ClusterMembership>());
        _agent = new MasterAgent(_options, _membership, _console, new AdminMessageWriter(), time, loggerFactory.CreateLogger<MasterAgent>());
        _memberEvents = _membership.Subscribe(_console.OnMemberEvent, initialStateAsEvents: false);
        _trim = new MemoryTrim(_options.MemoryTrim, time, loggerFactory.CreateLogger<MemoryTrim>(), _agent.AnyMonitorSending);
        _trimEvents = _membership.Subscribe(_trim.OnMemberEvent, initialStateAsEvents: false);
        _registrar = new MasterRegistrar(_agent, authenticator, _selfToken, loggerFactory);
        _console.Bind(_agent);
    }

    /// <summary>Gets the address the admin port is bound to (the real port when configured as 0).</summary>
    public IPEndPoint? EndPoint { get; private set; }

    /// <summary>Gets the master's console service (its modules).</summary>
    public MasterConsoleService Console => _console;

    /// <summary>Gets the master agent.</summary>
    public IMasterAgent Agent => _agent;

    /// <summary>Gets the master's own monitor, once started.</summary>
    public MonitorService? OwnMonitor => _ownMonitor;

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await ListenAsync(cancellationToken).ConfigureAwait(false);
        await _console.StartAsync().ConfigureAwait(false);
        if (_options.RunOwnMonitor)
        {
            var monitorOptions = new MonitorOptions
            {
                Id = _options.Id,
                ServerType = MasterRegistrar.MasterServerType,
                Host = _options.Host,
                Port = EndPoint!.Port,
                MasterHost = EndPoint.Address.ToString(),
                MasterPort = EndPoint.Port,
                Token = _selfToken,
                MaxFrameSize = _options.MaxFrameSize,
            };
            _ownMonitor = new MonitorService(monitorOptions, _selfToken, _modules, _services, _supervision, _time, _loggerFactory);
            await _ownMonitor.StartAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => DisposeAsync().AsTask();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (_ownMonitor is not null)
        {
            await _ownMonitor.DisposeAsync().ConfigureAwait(false);
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await _agent.DisposeAsync().ConfigureAwait(false);
        if (_server is not null)
        {
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _server.StopAsync(grace.Token).ConfigureAwait(false);
            _server.Dispose();
        }

        _memberEvents.Dispose();
        _trimEvents.Dispose();
        _trim.Dispose();
        await _console.DisposeAsync().ConfigureAwait(false);
        await _membership.DisposeAsync().ConfigureAwait(false);
        LogStopped(_logger, _options.Id);
    }

    private async Task ListenAsync(CancellationToken cancellationToken)
    {
        var address = IPAddress.TryParse(_options.Host, out var ip) ? ip : (await System.Net.Dns.GetHostAddressesAsync(_options.Host, cancellationToken).ConfigureAwait(false))[0];
        var handler = new MasterConnectionHandler(_agent, _registrar, _loggerFactory.CreateLogger<MasterConnectionHandler>(), _stopping.Token);
        var kestrel = new KestrelServerOptions { ApplicationServices = _services };
        ListenOptions? listen = null;
        kestrel.Listen(address, _options.Port, lo =>
        {
            listen = lo;
            lo.Run(handler.OnConnectedAsync);
        });
        _server = new KestrelServer(Options.Create(kestrel), new SocketTransportFactory(Options.Create(new SocketTransportOptions { MaxWriteBufferSize = _options.WriteBufferSize }), _loggerFactory), _loggerFactory);
        try
        {
            await _server.StartAsync(new NoHttpApplication(), cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            LogListenFailed(_logger, _options.Host, _options.Port, ex.Message);
            _server.Dispose();
            _server = null;
            throw new MasterStartException($"master {_options.Id} cannot listen on {_options.Host}:{_options.Port}: {ex.InnerException?.Message ?? ex.Message}", ex);
        }

        EndPoint = (IPEndPoint)listen!.EndPoint;
        LogListening(_logger, _options.Id, EndPoint.ToString());
    }

    [LoggerMessage(1050, LogLevel.Information, "Master {Id} listening on {EndPoint}")]
    private static partial void LogListening(ILogger logger, string id, string endPoint);

    [LoggerMessage(1051, LogLevel.Critical, "Master cannot listen on {Host}:{Port}: {Reason}")]
    private static partial void LogListenFailed(ILogger logger, string host, int port, string reason);

    [LoggerMessage(1052, LogLevel.Information, "Master {Id} stopped")]
    private static partial void LogStopped(ILogger logger, string id);
}
