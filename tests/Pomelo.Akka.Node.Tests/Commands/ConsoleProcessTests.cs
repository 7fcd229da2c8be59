using System.Text.Json;
using Pomelo.Akka.Client;
using Pomelo.Akka.Node.Tests.TestSupport;

namespace Pomelo.Akka.Node.Tests.Commands;

public sealed class ConsoleProcessTests
{
    [Fact]
    public async Task StartedCluster_IsSteeredThroughTheConsole_AndStopAllLeavesNoProcessBehind()
    {
        using var config = new ClusterConfig(serverCount: 3, intervalSeconds: 5, extra: "servers.development.area = [ { id = area-server-2, host = 127.0.0.1, port = 3252, auto-restart = true } ]");
        await using var master = NodeProcess.Start("start", "--config", config.Path);
        await TimeReportProbe.WaitForServersAsync(config.MasterPort, config.ServerIds);
        await using var client = await AdminClient.ConnectAsync(new AdminClientOptions { Port = config.MasterPort, Username = "admin", Password = "admin", RequestTimeout = TimeSpan.FromSeconds(40) });

        var pids = await ListPidsAsync(client);
        Assert.Equal(["area-server-2", "connector-server-1", "connector-server-3", "master-test"], pids.Keys.Order());
        Assert.All(pids.Values, pid => Assert.True(NodeProcess.IsAlive(pid)));
        var launched = pids.Where(p => p.Key != "master-test").Select(p => p.Value).ToList();

        master.Signal("KILL", pids["area-server-2"]);
        await Eventually(async () => (await ListPidsAsync(client)).TryGetValue("area-server-2", out var pid) && pid != pids["area-server-2"] && NodeProcess.IsAlive(pid), "auto-restart brings area-server-2 back with a new pid");
        launched.Add((await ListPidsAsync(client))["area-server-2"]);

        var stop = await client.RequestAsync("__console__", new { signal = "stop", ids = new[] { "connector-server-1" } });
        Assert.Equal(["connector-server-1"], Strings(stop!.Value.GetProperty("stopped")));
        await Eventually(() => Task.FromResult(!NodeProcess.IsAlive(pids["connector-server-1"])), "connector-server-1 exited");
        var afterStop = await ListPidsAsync(client);
        Assert.DoesNotContain("connector-server-1", afterStop.Keys);
        Assert.True(NodeProcess.IsAlive(afterStop["connector-server-3"]));

        var restart = await client.RequestAsync("__console__", new { signal = "restart", ids = new[] { "connector-server-3" } });
        var restartedPid = restart!.Value.GetProperty("restarted")[0].GetProperty("pid").GetInt32();
        Assert.NotEqual(pids["connector-server-3"], restartedPid);
        launched.Add(restartedPid);

        var port = ClusterConfig.FreePort();
        var add = await client.RequestAsync("__console__", new { signal = "add", args = new[] { "id=connector-server-9", "serverType=connector", "host=127.0.0.1", $"port={port}" } });
        var addedPid = add!.Value.GetProperty("added").GetProperty("pid").GetInt32();
        launched.Add(addedPid);
        Assert.Contains("connector-server-9", (await ListPidsAsync(client)).Keys);
        var busy = await Assert.ThrowsAsync<Pomelo.Akka.Errors.AdminRemoteException>(() => client.RequestAsync("__console__", new { signal = "add", args = new[] { "id=connector-server-10", "serverType=connector", "host=127.0.0.1", $"port={config.MasterPort}" } }));
        Assert.Equal($"port {config.MasterPort} is in use", busy.Message);

        var stopAll = await client.RequestAsync("__console__", new { signal = "stop" });
        Assert.Contains("master-test", Strings(stopAll!.Value.GetProperty("stopped")));
        Assert.Equal(0, await master.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.All(launched, pid => Assert.False(NodeProcess.IsAlive(pid), $"pid {pid} outlived stop all"));
    }

    private static async Task<Dictionary<string, int>> ListPidsAsync(AdminClient client)
    {
        var reply = await client.RequestAsync("__console__", new { signal = "list" });
        return reply!.Value.GetProperty("servers").EnumerateArray()
            .Where(r => r.GetProperty("answered").GetBoolean())
            .ToDictionary(r => r.GetProperty("id").GetString()!, r => (int)r.GetProperty("pid").GetInt64());
    }

    private static IEnumerable<string> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!);

    private static async Task Eventually(Func<Task<bool>> condition, string because)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting until " + because);
            await Task.Delay(100);
        }
    }
}
