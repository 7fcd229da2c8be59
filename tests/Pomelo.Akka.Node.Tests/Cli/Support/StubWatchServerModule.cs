using System.Text.Json;
using Pomelo.Akka.Console;
using Pomelo.Akka.Master;

namespace Pomelo.Akka.Node.Tests.Cli.Support;

/// <summary>
/// A stand-in for <c>watchServer</c>: checks the documented levels and the server id against the master's members,
/// records each request, and answers with canned replies of the documented shapes.
/// </summary>
public sealed class StubWatchServerModule : IClientHandler
{
    public const long StatusRss = 100L * 1024 * 1024;

    public RequestLog Requests { get; } = new();

    public ValueTask<object?> ClientHandlerAsync(IMasterAgent agent, ClientCaller caller, JsonElement? message, CancellationToken cancellationToken)
    {
        Requests.Add(message, caller);
        var body = message ?? throw new InvalidOperationException("empty body");
        var command = body.GetProperty("command").GetString();
        var level = command switch
        {
            "servers" or "connections" or "logins" or "modules" or "status" or "components" or "settings" or "get" => 3,
            "config" => 2,
            "set" or "run" or "dump" => 1,
            _ => throw new InvalidOperationException("unknown command: " + command),
        };
        StubLevels.Demand(caller, level);
        var serverId = body.TryGetProperty("serverId", out var s) ? s.GetString()! : agent.ServerId;
        if (agent.Servers.All(m => m.Id != serverId))
        {
            throw new InvalidOperationException("unknown server id:" + serverId);
        }

        string? Arg(string name) => body.TryGetProperty(name, out var v) ? v.GetString() : null;
        object reply = command switch
        {
            "servers" => new { servers = agent.Servers.Select(m => new { id = m.Id, serverType = m.ServerType, host = m.Host, port = m.Port, pid = m.Pid, status = m.Status.ToString() }) },
            "connections" => new { serverId, connections = new { totalConnCount = 2, loginedCount = 1 } },
            "logins" => new { serverId, logins = new Dictionary<string, object> { ["user-7"] = new { loginTime = 1700000000000, address = "10.0.0.7" } } },
            "modules" => new { serverId, modules = new[] { new { id = "timeReport", enabled = true, state = "running", schedule = "pull", intervalSeconds = 5, restarts = 0 } } },
            "status" => new { serverId, serverType = "connector", pid = 1234, uptime = 90061, rss = StatusRss, heapUsed = 52428800, gcCollections = 7, threads = 12 },
            "config" => new { serverId, config = new { pomelo = new { master = new { port = 3005 } }, token = "***" } },
            "components" => new { serverId, components = new[] { "connector", "session" } },
            "settings" => new { serverId, settings = new Dictionary<string, string> { ["maxConnections"] = "100", ["motd"] = "hello" } },
            "get" => new { serverId, key = Arg("key"), value = "value-of-" + Arg("key") },
            "set" => new { serverId, key = Arg("key"), value = Arg("value") },
            "run" => new { serverId, result = "ran " + Arg("expression") },
            _ => throw new InvalidOperationException("dump is not available on this node yet"),
        };
        return ValueTask.FromResult<object?>(reply);
    }
}
