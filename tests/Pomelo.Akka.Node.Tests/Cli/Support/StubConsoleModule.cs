using System.Net;
using System.Text.Json;
using Pomelo.Akka.Console;
using Pomelo.Akka.Master;

namespace Pomelo.Akka.Node.Tests.Cli.Support;

/// <summary>
/// A stand-in for the master's <c>__console__</c> module: checks the documented levels, records each request, and
/// answers with replies of the documented shapes (real member ids; one extra server that never answers).
/// </summary>
public sealed class StubConsoleModule : IClientHandler
{
    public const string SilentServer = "ghost-server-1";
    public const long Rss = 50L * 1024 * 1024;
    public const long HeapUsed = 10L * 1024 * 1024;

    public RequestLog Requests { get; } = new();

    public ValueTask<object?> ClientHandlerAsync(IMasterAgent agent, ClientCaller caller, JsonElement? message, CancellationToken cancellationToken)
    {
        Requests.Add(message, caller);
        var body = message ?? throw new InvalidOperationException("empty body");
        var signal = body.GetProperty("signal").GetString();
        var level = signal switch
        {
            "list" => 3,
            "blacklist" => 2,
            "stop" or "kill" or "restart" or "add" or "enable" or "disable" or "addCron" or "removeCron" => 1,
            _ => throw new InvalidOperationException("unknown signal: " + signal),
        };
        StubLevels.Demand(caller, level);
        var ids = agent.Servers.Select(s => s.Id).ToList();
        object reply = signal switch
        {
            "list" => new { servers = agent.Servers.Select(Listed).Append(Silent()).ToList() },
            "stop" => new { stopped = Requested(body, ids).Where(ids.Contains), failed = Requested(body, ids).Where(i => !ids.Contains(i)).Select(Unknown) },
            "kill" => new { killed = Requested(body, ids).Where(ids.Contains), notAnswered = Requested(body, ids).Where(i => !ids.Contains(i)) },
            "restart" => Restart(agent, body, ids),
            "add" => Add(body, ids),
            "blacklist" => Blacklist(body),
            "enable" or "disable" => 1,
            _ => throw new InvalidOperationException("cron jobs are not supported by this node"),
        };
        return ValueTask.FromResult<object?>(reply);
    }

    private static object Listed(Pomelo.Akka.Cluster.Member m) => new
    {
        id = m.Id,
        serverType = m.ServerType,
        host = m.Host ?? "127.0.0.1",
        port = m.Port ?? 0,
        pid = m.Pid,
        status = m.Status.ToString(),
        rss = Rss,
        heapUsed = HeapUsed,
        uptime = 3723,
        answered = true,
    };

    private static object Silent() => new { id = SilentServer, serverType = "area", host = "127.0.0.1", port = 3999, answered = false, error = "no reply within 3 s" };

    private static object Unknown(string id) => new { id, error = "unknown server id:" + id };

    private static List<string> Requested(JsonElement body, List<string> all)
        => body.TryGetProperty("ids", out var ids) ? ids.EnumerateArray().Select(i => i.GetString()!).ToList() : all;

    private static object Restart(IMasterAgent agent, JsonElement body, List<string> ids)
    {
        var targets = body.TryGetProperty("type", out var type)
            ? agent.Servers.Where(s => s.ServerType == type.GetString()).Select(s => s.Id).ToList()
            : Requested(body, ids);
        return new
        {
            restarted = targets.Where(ids.Contains).Select(id => new { id, pid = 4242 }),
            failed = targets.Where(i => !ids.Contains(i)).Select(Unknown),
        };
    }

    private static object Add(JsonElement body, List<string> ids)
    {
        var settings = body.GetProperty("args").EnumerateArray().Select(a => a.GetString()!.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var id = settings["id"];
        return ids.Contains(id) ? throw new InvalidOperationException($"id {id} exists") : new { added = new { id, pid = 5151 } };
    }

    private static object Blacklist(JsonElement body)
    {
        var addresses = body.GetProperty("args").EnumerateArray().Select(a => a.GetString()!).ToList();
        var invalid = addresses.FirstOrDefault(a => !IPAddress.TryParse(a, out _));
        return invalid is not null
            ? throw new InvalidOperationException("invalid address: " + invalid)
            : new { blacklisted = addresses, servers = new[] { "connector-server-1" } };
    }
}
