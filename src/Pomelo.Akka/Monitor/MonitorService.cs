using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pomelo.Akka.Console;
using Pomelo.Akka.Protocol;
using Pomelo.Akka.Security;

namespace Pomelo.Akka.Monitor;

/// <summary>
/// A server's monitor as a hosted service. Start order: register modules → connect to the master and register with
/// the token → enable modules (schedule push ticks) → run each module's Start. Started before its master, it keeps
/// retrying and its start completes when the master appears.
/// </summary>
public sealed class MonitorService : IHostedService, IAsyncDisposable
{
    private readonly MonitorConsoleService _console;
    private readonly MonitorAgent _agent;
    private int _disposed;

    /// <summary>Initializes the monitor from DI.</summary>
    /// <param name="options">The monitor options.</param>
    /// <param name="authOptions">Where the adminServer token file is, when the token is not set directly.</param>
    /// <param name="modules">The modules registered on this node.</param>
    /// <param name="services">The node's services, for module factories.</param>
    /// <param name="supervision">How module actors are supervised.</param>
    /// <param name="time">The clock.</param>
    /// <param name="loggerFactory">Loggers.</param>
    public MonitorService(
        IOptions<MonitorOptions> options,
        IOptions<AdminAuthOptions> authOptions,
        IEnumerable<AdminModuleRegistration> modules,
        IServiceProvider services,
        IOptions<ModuleSupervisionOptions> supervision,
        TimeProvider time,
        ILoggerFactory loggerFactory)
        : this(options.Value, ResolveToken(options.Value, authOptions.Value), modules, services, supervision.Value, time, loggerFactory)
    {
    }

    internal MonitorService(MonitorOptions options, string? token, IEnumerable<AdminModuleRegistration> modules, IServiceProvider services, ModuleSupervisionOptions supervision, TimeProvider time, ILoggerFactory loggerFactory)
    {
        _console = new MonitorConsoleService(options.Id, options.ServerType, modules, services, supervision, time, loggerFactory);
        _agent = new MonitorAgent(options, token, _console, new AdminMessageWriter(), time, loggerFactory);
        _console.Bind(_agent);
        _agent.Registered += _console.OnRegistered;
    }

    /// <summary>Gets this node's map of the servers that are Up, kept by the watchdog.</summary>
    public Cluster.ServerMap ServerMap => _console.ServerMap;

    /// <summary>Gets this monitor's console service (its modules).</summary>
    public MonitorConsoleService Console => _console;

    /// <summary>Gets this monitor's agent.</summary>
    public IMonitorAgent Agent => _agent;

    /// <summary>Gets whether the monitor is connected and registered right now.</summary>
    public bool IsConnected => _agent.IsConnected;

    /// <summary>Gets how many times the monitor has registered (first registration and re-registrations).</summary>
    public int Registrations => _agent.Registrations;

    /// <summary>Gets the last connection or registration error, if any.</summary>
    public string? LastError => _agent.LastError;

    /// <summary>Raised after every successful registration, with the registration count.</summary>
    public event Action<int>? Registered
    {
        add => _agent.Registered += value;
        remove => _agent.Registered -= value;
    }

    /// <summary>Raised when a connection attempt fails or the master refuses the registration.</summary>
    public event Action<string>? ConnectFailed
    {
        add => _agent.ConnectFailed += value;
        remove => _agent.ConnectFailed -= value;
    }

    /// <summary>Drops the connection to the master without DISCONNECT (a simulated network failure); it reconnects.</summary>
    /// <returns>A task that completes when the connection is closed.</returns>
    internal Task AbortConnectionAsync() => _agent.AbortConnectionAsync();

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _agent.StartAsync(cancellationToken).ConfigureAwait(false);
        await _console.StartAsync().ConfigureAwait(false);
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

        await _agent.DisposeAsync().ConfigureAwait(false);
        await _console.DisposeAsync().ConfigureAwait(false);
    }

    private static string? ResolveToken(MonitorOptions options, AdminAuthOptions auth)
        => options.Token ?? (auth.AdminServerFile is { } file ? ServerTokenStore.Load(file).TokenFor(options.ServerType) : null);
}
