using System.Text.Json;
using Microsoft.Extensions.Logging;
using Pomelo.Akka.Cluster;
using Pomelo.Akka.Monitor;
using Pomelo.Akka.Protocol;

namespace Pomelo.Akka.Console;

/// <summary>
/// A monitor's ConsoleService: supervises the monitor-side module actors, ticks push modules, dispatches the master's
/// messages to monitor handlers and obeys the master's <c>enable</c> / <c>disable</c> commands.
/// </summary>
public sealed partial class MonitorConsoleService : IConsoleService, IAsyncDisposable
{
    private readonly ModuleHost _host;
    private readonly ILogger _logger;
    private IMonitorAgent? _agent;

    internal MonitorConsoleService(string serverId, string serverType, IEnumerable<AdminModuleRegistration> registrations, IServiceProvider services, ModuleSupervisionOptions supervision, TimeProvider time, ILoggerFactory loggerFactory)
    {
        ServerId = serverId;
        ServerType = serverType;
        _logger = loggerFactory.CreateLogger<MonitorConsoleService>();
        ServerMap = new ServerMap(services.GetService(typeof(ServerEntryInterner)) as ServerEntryInterner ?? new ServerEntryInterner());
        _host = new ModuleHost(registrations, ScheduleType.Push, options => new ModuleFactoryContext(services, options, this), supervision, time, loggerFactory);
    }

    /// <inheritdoc />
    public string ServerId { get; }

    /// <inheritdoc />
    public string ServerType { get; }

    /// <summary>Raised after every registration with the master (the first and each re-registration), with its count.</summary>
    public event Action<int>? Registered;

    /// <summary>Gets this node's map of the servers that are Up, kept by the watchdog.</summary>
    public ServerMap ServerMap { get; }

    /// <summary>Gets the monitor agent the modules are given.</summary>
    public IMonitorAgent Agent => _agent ?? throw new InvalidOperationException("The monitor console has not started.");

    /// <inheritdoc />
    public IReadOnlyList<ModuleStatus> ListModules() => _host.List();

    /// <inheritdoc />
    public bool EnableModule(string moduleId) => _host.Enable(moduleId);

    /// <inheritdoc />
    public bool DisableModule(string moduleId) => _host.Disable(moduleId);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _host.DisposeAsync();

    internal void OnRegistered(int count) => Registered?.Invoke(count);

    /// <summary>Gives the console its agent; done before the agent connects so early messages can be queued.</summary>
    internal void Bind(IMonitorAgent agent) => _agent = agent;

    /// <summary>Creates the module actors, enables their schedules and runs each module's Start.</summary>
    internal Task StartAsync() => _host.StartAsync(() => new MonitorHandlerInvocation(Agent, null, null));

    /// <summary>Asks a monitor handler for the master's request; the module answers <paramref name="replyTo"/> directly.</summary>
    internal void AskMonitorHandler(string moduleId, JsonElement? body, IModuleReplyTarget replyTo, long reqId)
        => _host.Ask(moduleId, new MonitorHandlerInvocation(Agent, body, null) { ReplyTo = replyTo, ReqId = reqId });

    /// <summary>Tells a monitor handler the master's notify, waiting (back-pressure) while its mailbox is full.</summary>
    internal ValueTask NotifyMonitorHandlerAsync(string moduleId, JsonElement? body, CancellationToken cancellationToken)
        => _host.TellAsync(moduleId, new MonitorHandlerInvocation(Agent, body, null), cancellationToken);

    /// <summary>Obeys a command from the master; unknown commands and modules are logged, never fatal.</summary>
    internal object? Command(CommandMessage command)
    {
        var moduleId = command.ModuleId ?? string.Empty;
        var done = command.Command switch
        {
            "enable" => _host.Enable(moduleId),
            "disable" => _host.Disable(moduleId),
            "list" => true,
            _ => false,
        };
        if (!done)
        {
            LogCommandIgnored(_logger, command.Command, moduleId);
            return ProtocolCodes.Fail;
        }

        return command.Command == "list" ? new ModuleListReply(_host.ModuleIds.ToList(), _host.List()) : ProtocolCodes.Ok;
    }

    [LoggerMessage(3300, LogLevel.Warning, "Command {Command} for module {ModuleId} ignored (unknown command or module)")]
    private static partial void LogCommandIgnored(ILogger logger, string command, string moduleId);
}
