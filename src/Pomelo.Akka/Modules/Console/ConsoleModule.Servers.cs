using System.Net;
using System.Net.Sockets;
using Pomelo.Akka.Cluster;
using Pomelo.Akka.Errors;
using Pomelo.Akka.Master;
using Pomelo.Akka.Starter;

namespace Pomelo.Akka.Modules.Console;

/// <summary>The console commands that act on servers: list, stop, kill, restart, add.</summary>
public sealed partial class ConsoleModule
{
    private async Task<IReadOnlyList<ServerRow>> ListAsync(IMasterAgent agent, CancellationToken cancellationToken)
    {
        var rows = await Task.WhenAll(agent.Membership.Members.Select(async member =>
        {
            try
            {
                var reply = await agent.RequestAsync(member.Id, Id, ListSignal, ListTimeout, cancellationToken).ConfigureAwait(false);
                return reply is { } body && ListReply.TryRead(body, out var rss, out var heapUsed, out var uptime)
                    ? Row(member, rss, heapUsed, uptime, null)
                    : Row(member, null, null, null, "unexpected list reply: " + (reply?.GetRawText() ?? "null"));
            }
            catch (AdminRequestException ex)
            {
                return Row(member, null, null, null, ex is AdminRequestTimeoutException ? $"no answer within {ListTimeout.TotalSeconds:0.#} s" : ex.Message);
            }
        })).ConfigureAwait(false);
        return rows;
    }

    private static ServerRow Row(Member m, long? rss, long? heap, double? uptime, string? error)
        => new(m.Id, m.ServerType, m.Host, m.Port, m.Pid, m.Status.ToString(), rss, heap, uptime, error is null, error);

    private async Task<object?> StopAsync(IMasterAgent agent, ConsoleRequest request, CancellationToken cancellationToken)
    {
        var all = request.Ids.Count == 0;
        var targets = all ? agent.Membership.Members.Where(m => m.Id != agent.ServerId).Select(m => m.Id).ToList() : request.Ids.ToList();
        var stopped = new List<string>();
        var failed = new List<object>();
        await Task.WhenAll(targets.Select(async id =>
        {
            var error = await StopOneAsync(agent, id, cancellationToken).ConfigureAwait(false);
            lock (stopped)
            {
                if (error is null)
                {
                    stopped.Add(id);
                }
                else
                {
                    failed.Add(new { id, error });
                }
            }
        })).ConfigureAwait(false);
        if (all)
        {
            if (_node is null)
            {
                failed.Add(new { id = agent.ServerId, error = "the master cannot stop itself (no node control)" });
            }
            else
            {
                stopped.Add(agent.ServerId);
                _ = ActAfterReplyAsync(_node.Stop);
            }
        }

        return new { stopped = stopped.Order(StringComparer.Ordinal), failed };
    }

    private async Task<string?> StopOneAsync(IMasterAgent agent, string id, CancellationToken cancellationToken)
    {
        if (_starter is not null && _starter.Servers.Any(s => s.Spec.Id == id && s.Running))
        {
            return await _starter.StopAsync(id, ChangeTimeout, cancellationToken).ConfigureAwait(false) ? null : "not running";
        }

        if (agent.Membership.Find(id) is null)
        {
            return "unknown server id:" + id;
        }

        try
        {
            await agent.RequestAsync(id, Id, new { signal = "stop" }, ListTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (AdminRequestException ex)
        {
            return ex.Message;
        }

        return await MembershipWaiter.WaitAsync(agent.Membership, m => m.Find(id) is null, ChangeTimeout, _time, cancellationToken).ConfigureAwait(false)
            ? null
            : $"did not stop within {ChangeTimeout.TotalSeconds:0} s";
    }

    private async Task<object?> KillAsync(IMasterAgent agent, ConsoleRequest request, CancellationToken cancellationToken)
    {
        var targets = request.Ids.Count == 0 ? agent.Membership.Members.Where(m => m.Id != agent.ServerId).Select(m => m.Id).ToList() : request.Ids.ToList();
        var killed = new List<string>();
        var notAnswered = new List<string>();
        foreach (var id in targets)
        {
            var done = _starter is not null && await _starter.KillAsync(id, cancellationToken).ConfigureAwait(false);
            if (!done && agent.Membership.Find(id) is not null)
            {
                try
                {
                    await agent.RequestAsync(id, Id, new { signal = "kill" }, ListTimeout, cancellationToken).ConfigureAwait(false);
                    done = true;
                }
                catch (AdminRequestException)
                {
                    done = false;
                }
            }

            (done ? killed : notAnswered).Add(id);
        }

        return new { killed, notAnswered };
    }

    private async Task<object?> RestartAsync(IMasterAgent agent, ConsoleRequest request, CancellationToken cancellationToken)
    {
        var starter = RequireStarter();
        var known = starter.Servers.Select(s => s.Spec).Concat(starter.Configured).GroupBy(s => s.Id).Select(g => g.First()).ToList();
        var specs = request.Type is { } type ? known.Where(s => s.ServerType == type).ToList() : request.Ids.Select(id => known.FirstOrDefault(s => s.Id == id) ?? new ServerSpec(id, string.Empty, string.Empty, null, false, new Dictionary<string, string?>())).ToList();
        if (specs.Count == 0)
        {
            throw new AdminRequestException(request.Type is null ? "restart needs server ids or a type" : "no server of type " + request.Type);
        }

        var restarted = new List<object>();
        var failed = new List<object>();
        foreach (var spec in specs)
        {
            if (spec.ServerType.Length == 0)
            {
                failed.Add(new { id = spec.Id, error = "unknown server id:" + spec.Id });
                continue;
            }

            var before = agent.Membership.Find(spec.Id)?.Incarnation ?? 0;
            await starter.StopAsync(spec.Id, ChangeTimeout, cancellationToken).ConfigureAwait(false);
            var result = await LaunchAsync(agent, starter, spec, before, cancellationToken).ConfigureAwait(false);
            (result.Error is null ? restarted : failed).Add(result.Error is null ? new { id = spec.Id, pid = result.Pid } : new { id = spec.Id, error = result.Error });
        }

        return new { restarted, failed };
    }

    private async Task<object?> AddAsync(IMasterAgent agent, ConsoleRequest request, CancellationToken cancellationToken)
    {
        var starter = RequireStarter();
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var arg in request.Args)
        {
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new AdminRequestException($"add takes key=value arguments, got '{arg}'");
            }

            fields[arg[..eq]] = arg[(eq + 1)..];
        }

        var id = Required(fields, "id");
        var serverType = Required(fields, "serverType");
        var host = Required(fields, "host");
        var port = int.TryParse(Required(fields, "port"), out var p) && p is > 0 and < 65536 ? p : throw new AdminRequestException("port must be a number from 1 to 65535");
        if (agent.Membership.Find(id) is not null || starter.Servers.Any(s => s.Spec.Id == id && s.Running))
        {
            throw new AdminRequestException($"id {id} exists");
        }

        if (!IsPortFree(host, port))
        {
            throw new AdminRequestException($"port {port} is in use");
        }

        var autoRestart = fields.TryGetValue("auto-restart", out var ar) && ar is "true" or "on";
        var result = await LaunchAsync(agent, starter, new ServerSpec(id, serverType, host, port, autoRestart, fields), 0, cancellationToken).ConfigureAwait(false);
        return result.Error is null ? new { added = new { id, pid = result.Pid } } : throw new AdminRequestException(result.Error);
    }

    private async Task<(int Pid, string? Error)> LaunchAsync(IMasterAgent agent, IServerStarter starter, ServerSpec spec, long previousIncarnation, CancellationToken cancellationToken)
    {
        ManagedServer launched;
        try
        {
            launched = await starter.StartAsync(spec, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or IOException)
        {
            return (0, "could not start: " + ex.Message);
        }

        var up = await MembershipWaiter.WaitAsync(agent.Membership, m => m.Find(spec.Id) is { Status: MemberStatus.Up } member && member.Incarnation > previousIncarnation, ChangeTimeout, _time, cancellationToken).ConfigureAwait(false);
        if (up)
        {
            return (launched.Pid, null);
        }

        var exited = starter.Servers.Any(s => s.Spec.Id == spec.Id && s.Pid == launched.Pid && !s.Running);
        return (launched.Pid, exited
            ? $"pid {launched.Pid} exited before registering (a server type without a token is refused; see its log)"
            : $"started as pid {launched.Pid} but did not register within {ChangeTimeout.TotalSeconds:0} s");
    }

    private IServerStarter RequireStarter() => _starter ?? throw new AdminRequestException("this master has no starter (it was not started with `pomelo-akka start`)");

    private static string Required(Dictionary<string, string?> fields, string key)
        => fields.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value : throw new AdminRequestException($"add needs {key}=...");

    private static bool IsPortFree(string host, int port)
    {
        var address = host is "localhost" ? IPAddress.Loopback : IPAddress.TryParse(host, out var ip) ? ip : null;
        if (address is null)
        {
            return true;
        }

        try
        {
            using var probe = new TcpListener(address, port);
            probe.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
