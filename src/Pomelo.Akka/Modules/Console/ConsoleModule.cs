using System.Text.Json;
using Microsoft.Extensions.Logging;
using Pomelo.Akka.Cluster;
using Pomelo.Akka.Console;
using Pomelo.Akka.Errors;
using Pomelo.Akka.Internal;
using Pomelo.Akka.Master;
using Pomelo.Akka.Monitor;
using Pomelo.Akka.Protocol;
using Pomelo.Akka.Security;
using Pomelo.Akka.Starter;

namespace Pomelo.Akka.Modules.Console;

/// <summary>
/// pomelo's <c>__console__</c>: list, stop, kill, restart, add, blacklist and module switches for admin clients,
/// each checked against <see cref="AccessPolicy"/> with the caller's authenticated level. On monitors it answers the
/// master's list (in pomelo's reply shape, see <see cref="ListReply"/>), stop, kill and blacklist requests. See docs/admin-modules.md for the protocol.
/// </summary>
[AdminModule(Id)]
public sealed partial class ConsoleModule : IClientHandler, IMonitorHandler, IDisposable
{
    /// <summary>The module id (pomelo's).</summary>
    public const string Id = "__console__";

    private static readonly HashSet<string> Signals = ["list", "stop", "kill", "restart", "add", "blacklist", "enable", "disable", "addCron", "removeCron"];

    /// <summary>The body of the master's list request to every server, pomelo's.</summary>
    private static readonly JsonElement ListSignal = JsonSerializer.SerializeToElement(new { signal = "list" });

    private readonly IConsoleService _console;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IServerStarter? _starter;
    private readonly INodeControl? _node;
    private readonly ServerBlacklist _blacklist;
    private readonly Lazy<DateTimeOffset> _processStart = new(ReadProcessStart);
    private readonly ResidentMemory _memory = new();

    /// <summary>Initializes the module.</summary>
    /// <param name="console">The console service hosting it.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">Where commands are logged.</param>
    /// <param name="blacklist">This node's blacklist.</param>
    /// <param name="starter">The process starter, on a master that launches servers.</param>
    /// <param name="node">Control of this node's own process, when the executable provides it.</param>
    public ConsoleModule(IConsoleService console, TimeProvider time, ILogger<ConsoleModule> logger, ServerBlacklist blacklist, IServerStarter? starter = null, INodeControl? node = null)
    {
        _console = console;
        _time = time;
        _logger = logger;
        _blacklist = blacklist;
        _starter = starter;
        _node = node;
    }

    /// <summary>Gets or sets how long <c>list</c> waits for each server (default 3 s).</summary>
    public TimeSpan ListTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Gets or sets how long stop / restart / add wait for a server to leave or join (default 20 s).</summary>
    public TimeSpan ChangeTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <inheritdoc />
    public async ValueTask<object?> ClientHandlerAsync(IMasterAgent agent, ClientCaller caller, JsonElement? message, CancellationToken cancellationToken)
    {
        var request = ConsoleRequest.Parse(message);
        if (!Signals.Contains(request.Signal))
        {
            throw new AdminRequestException("unknown signal: " + request.Signal);
        }

        if (!AccessPolicy.Allows("console", request.Signal, caller.Level))
        {
            LogDenied(_logger, caller.Username, caller.Level, request.Signal);
            throw new AdminRequestException("Command permission denied");
        }

        LogCommand(_logger, caller.Username, request.Signal, string.Join(' ', request.Ids.Concat(request.Args)));
        return request.Signal switch
        {
            "list" => new { servers = await ListAsync(agent, cancellationToken).ConfigureAwait(false) },
            "stop" => await StopAsync(agent, request, cancellationToken).ConfigureAwait(false),
            "kill" => await KillAsync(agent, request, cancellationToken).ConfigureAwait(false),
            "restart" => await RestartAsync(agent, request, cancellationToken).ConfigureAwait(false),
            "add" => await AddAsync(agent, request, cancellationToken).ConfigureAwait(false),
            "blacklist" => await BlacklistAsync(agent, request, cancellationToken).ConfigureAwait(false),
            "enable" or "disable" => await SwitchAsync(caller, request, cancellationToken).ConfigureAwait(false),
            _ => throw new AdminRequestException("cron jobs are not supported by this node"),
        };
    }

    /// <inheritdoc />
    public void Dispose() => _memory.Dispose();

    /// <inheritdoc />
    public ValueTask<object?> MonitorHandlerAsync(IMonitorAgent agent, JsonElement? message, CancellationToken cancellationToken)
    {
        var request = ConsoleRequest.Parse(message);
        switch (request.Signal)
        {
            case "list":
                return ValueTask.FromResult<object?>(ListReply.Create(agent.ServerId, agent.ServerType, NodeStatus.Current(_time, _processStart.Value, _memory)));
            case "stop":
            case "kill":
                var node = _node ?? throw new AdminRequestException($"server {agent.ServerId} cannot {request.Signal} itself (no node control)");
                LogSelf(_logger, request.Signal);
                _ = ActAfterReplyAsync(request.Signal == "stop" ? node.Stop : node.Kill);
                return ValueTask.FromResult<object?>(ProtocolCodes.Ok);
            case "blacklist":
                var addresses = request.Args.Select(a => ServerBlacklist.TryParse(a, out var ip) ? ip : throw new AdminRequestException("invalid address: " + a)).ToList();
                _blacklist.Add(addresses);
                return ValueTask.FromResult<object?>(new { blacklisted = _blacklist.Addresses.Select(a => a.ToString()) });
            default:
                throw new AdminRequestException("unknown signal: " + request.Signal);
        }
    }

    private static DateTimeOffset ReadProcessStart()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.StartTime.ToUniversalTime();
    }

    private async Task<object?> SwitchAsync(ClientCaller caller, ConsoleRequest request, CancellationToken cancellationToken)
    {
        var master = _console as MasterConsoleService ?? throw new AdminRequestException("module switches run on the master");
        object? body = request.ServerId is { } serverId ? new { serverId } : null;
        var element = body is null ? (JsonElement?)null : JsonSerializer.SerializeToElement(body);
        return await master.CommandAsync(caller, new CommandMessage(null, request.Signal, request.ModuleId, element), cancellationToken).ConfigureAwait(false);
    }

    private async Task<object?> BlacklistAsync(IMasterAgent agent, ConsoleRequest request, CancellationToken cancellationToken)
    {
        var invalid = request.Args.FirstOrDefault(a => !ServerBlacklist.TryParse(a, out _));
        if (request.Args.Count == 0 || invalid is not null)
        {
            throw new AdminRequestException("invalid address: " + (invalid ?? "(none given)"));
        }

        var frontends = agent.Servers.Where(IsFrontend).Select(m => m.Id).ToList();
        await Task.WhenAll(frontends.Select(id => agent.RequestAsync(id, Id, new { signal = "blacklist", args = request.Args }, ListTimeout, cancellationToken))).ConfigureAwait(false);
        return new { blacklisted = request.Args, servers = frontends };
    }

    private static bool IsFrontend(Member member)
        => member.Info is { ValueKind: JsonValueKind.Object } info && info.TryGetProperty("frontend", out var f)
           && (f.ValueKind == JsonValueKind.True || (f.ValueKind == JsonValueKind.String && f.GetString() == "true"));

    private async Task ActAfterReplyAsync(Action act)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(200), _time).ConfigureAwait(false);
        act();
    }
}
