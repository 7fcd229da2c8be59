using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pomelo.Akka.Errors;
using Pomelo.Akka.Modules.Console;
using Pomelo.Akka.Starter;
using Pomelo.Akka.Tests.Scenarios;
using Pomelo.Akka.Tests.TestSupport;

namespace Pomelo.Akka.Tests.Modules.Console;

public sealed class ConsoleModuleTests
{
    [Fact]
    public async Task List_ShowsEveryMember_AndOneThatDoesNotAnswerAsSuch()
    {
        await using var master = await TestCluster.StartMasterAsync();
        await using var monitor = await TestCluster.StartMonitorAsync(master.Port, "area-1", "area");
        await using var mute = await RawPeer.ConnectAsync(master.Port, keepAlive: 0);
        Assert.Equal(1, (await mute.RegisterAsync("""{"id":"mute-1","type":"monitor","serverType":"connector","pid":99,"info":{"host":"127.0.0.1","port":4099},"token":"tok-connector"}""")).Code);
        await using var client = await TestCluster.ConnectClientAsync(master.Port, "viewer", "viewer");

        var reply = await client.RequestAsync(ConsoleModule.Id, new { signal = "list" }, TimeSpan.FromSeconds(15));

        var rows = reply!.Value.GetProperty("servers").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!);
        Assert.Equal(["area-1", "master-server-1", "mute-1"], rows.Keys.Order());
        Assert.True(rows["area-1"].GetProperty("answered").GetBoolean());
        Assert.Equal(Environment.ProcessId, rows["area-1"].GetProperty("pid").GetInt64());
        Assert.True(rows["area-1"].GetProperty("rss").GetInt64() > 0);
        Assert.False(rows["mute-1"].GetProperty("answered").GetBoolean());
        Assert.Equal("no answer within 3 s", rows["mute-1"].GetProperty("error").GetString());
        Assert.Equal(99, rows["mute-1"].GetProperty("pid").GetInt64());
    }

    [Fact]
    public async Task List_ReadsAPomeloMonitorsAnswer_AndAsksWithPomelosSignal()
    {
        await using var master = await TestCluster.StartMasterAsync();
        await using var peer = await RawPeer.ConnectAsync(master.Port, keepAlive: 0);
        Assert.Equal(1, (await peer.RegisterAsync("""{"id":"connector-1","type":"monitor","serverType":"connector","pid":77,"info":{"host":"127.0.0.1","port":4010},"token":"tok-connector"}""")).Code);
        await using var client = await TestCluster.ConnectClientAsync(master.Port, "viewer", "viewer");
        var answered = Task.Run(async () =>
        {
            while (true)
            {
                var request = await peer.ReadPublishAsync("monitor");
                if (request.TryGetProperty("moduleId", out var module) && module.GetString() == ConsoleModule.Id)
                {
                    Assert.Equal("list", request.GetProperty("body").GetProperty("signal").GetString());
                    await peer.PublishJsonStringAsync("monitor", "{\"respId\":" + request.GetProperty("reqId").GetInt64() + ""","body":{"serverId":"connector-1","body":{"serverId":"connector-1","serverType":"connector","pid":77,"rss":"12.50","heapTotal":"30.00","heapUsed":"2.00","uptime":"1.50"}}}""");
                    return;
                }
            }
        });

        var reply = await client.RequestAsync(ConsoleModule.Id, new { signal = "list" }, TimeSpan.FromSeconds(15));
        await answered.WaitAsync(TimeSpan.FromSeconds(10));

        var row = reply!.Value.GetProperty("servers").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "connector-1");
        Assert.True(row.GetProperty("answered").GetBoolean());
        Assert.Equal(12.5 * 1024 * 1024, row.GetProperty("rss").GetInt64());
        Assert.Equal(2 * 1024 * 1024, row.GetProperty("heapUsed").GetInt64());
        Assert.Equal(90, row.GetProperty("uptime").GetDouble(), 6);
    }

    [Theory]
    [InlineData("viewer", "stop")]
    [InlineData("viewer", "blacklist")]
    [InlineData("operator", "stop")]
    [InlineData("operator", "kill")]
    [InlineData("operator", "restart")]
    [InlineData("operator", "add")]
    [InlineData("operator", "disable")]
    public async Task LowLevels_AreDenied(string user, string signal)
    {
        await using var master = await TestCluster.StartMasterAsync();
        await using var client = await TestCluster.ConnectClientAsync(master.Port, user, user);

        var error = await Assert.ThrowsAsync<AdminRemoteException>(() => client.RequestAsync(ConsoleModule.Id, new { signal, ids = new[] { "x" }, args = new[] { "1.2.3.4" }, moduleId = "x" }));

        Assert.Equal("Command permission denied", error.Message);
    }

    [Fact]
    public async Task ManyDeniedRequests_AreAnsweredWithoutFailingTheModule()
    {
        await using var master = await TestCluster.StartMasterAsync();
        await using var viewer = await TestCluster.ConnectClientAsync(master.Port, "viewer", "viewer");

        for (var i = 0; i < 12; i++)
        {
            await Assert.ThrowsAsync<AdminRemoteException>(() => viewer.RequestAsync(ConsoleModule.Id, new { signal = "stop" }));
        }

        var status = master.Service.Console.ListModules().Single(m => m.Id == ConsoleModule.Id);
        Assert.Equal((Pomelo.Akka.Console.ModuleState.Running, 0), (status.State, status.Restarts));
        Assert.NotNull(await viewer.RequestAsync(ConsoleModule.Id, new { signal = "list" }));
    }

    [Fact]
    public async Task Blacklist_ValidatesAddresses_AndReachesOnlyFrontendServers()
    {
        await using var master = await TestCluster.StartMasterAsync();
        await using var frontend = await TestCluster.StartMonitorAsync(master.Port, "connector-1", "connector", configure: o => o.Info["frontend"] = "true");
        await using var backend = await TestCluster.StartMonitorAsync(master.Port, "area-1", "area");
        await using var client = await TestCluster.ConnectClientAsync(master.Port, "operator", "operator");

        var invalid = await Assert.ThrowsAsync<AdminRemoteException>(() => client.RequestAsync(ConsoleModule.Id, new { signal = "blacklist", args = new[] { "10.0.0.1", "1.2.3" } }));
        var reply = await client.RequestAsync(ConsoleModule.Id, new { signal = "blacklist", args = new[] { "10.0.0.1", "2001:db8::1" } });

        Assert.Equal("invalid address: 1.2.3", invalid.Message);
        Assert.Equal(["connector-1"], reply!.Value.GetProperty("servers").EnumerateArray().Select(e => e.GetString()));
        var blacklist = frontend.Get<ServerBlacklist>();
        Assert.True(blacklist.Contains(System.Net.IPAddress.Parse("10.0.0.1")));
        Assert.True(blacklist.Contains(System.Net.IPAddress.Parse("2001:db8::1")));
        Assert.Empty(backend.Get<ServerBlacklist>().Addresses);
    }

    [Fact]
    public async Task AddRestartStopKill_RunThroughTheStarter_AndWaitForMembership()
    {
        var starter = new InProcessStarter();
        await using var master = await TestCluster.StartMasterAsync(b => b.Services.AddSingleton<IServerStarter>(starter));
        starter.MasterPort = master.Port;
        await using var client = await TestCluster.ConnectClientAsync(master.Port);
        await using (starter)
        {
            var busy = TestCluster.FreePort();
            using var blocker = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, busy);
            blocker.Start();

            var added = await client.RequestAsync(ConsoleModule.Id, new { signal = "add", args = new[] { "id=area-7", "serverType=area", "host=127.0.0.1", $"port={TestCluster.FreePort()}" } }, TimeSpan.FromSeconds(30));
            var refused = await Assert.ThrowsAsync<AdminRemoteException>(() => client.RequestAsync(ConsoleModule.Id, new { signal = "add", args = new[] { "id=area-8", "serverType=area", "host=127.0.0.1", $"port={busy}" } }));
            var duplicate = await Assert.ThrowsAsync<AdminRemoteException>(() => client.RequestAsync(ConsoleModule.Id, new { signal = "add", args = new[] { "id=area-7", "serverType=area", "host=127.0.0.1", "port=1" } }));

            Assert.Equal("area-7", added!.Value.GetProperty("added").GetProperty("id").GetString());
            Assert.Contains(master.Agent.Servers, s => s.Id == "area-7");
            Assert.Equal($"port {busy} is in use", refused.Message);
            Assert.Equal("id area-7 exists", duplicate.Message);

            var firstPid = added.Value.GetProperty("added").GetProperty("pid").GetInt32();
            var restarted = await client.RequestAsync(ConsoleModule.Id, new { signal = "restart", ids = new[] { "area-7" } }, TimeSpan.FromSeconds(30));
            var row = restarted!.Value.GetProperty("restarted").EnumerateArray().Single();
            Assert.NotEqual(firstPid, row.GetProperty("pid").GetInt32());
            var unknown = await client.RequestAsync(ConsoleModule.Id, new { signal = "restart", ids = new[] { "ghost" } });
            Assert.Equal("unknown server id:ghost", unknown!.Value.GetProperty("failed")[0].GetProperty("error").GetString());

            var stopped = await client.RequestAsync(ConsoleModule.Id, new { signal = "stop", ids = new[] { "area-7" } }, TimeSpan.FromSeconds(30));
            Assert.Equal(["area-7"], stopped!.Value.GetProperty("stopped").EnumerateArray().Select(e => e.GetString()));
            await Eventually.TrueAsync(() => master.Agent.Membership.Find("area-7") is null, "area-7 left");
            var killed = await client.RequestAsync(ConsoleModule.Id, new { signal = "kill", ids = new[] { "area-7" } });
            Assert.Equal(["area-7"], killed!.Value.GetProperty("notAnswered").EnumerateArray().Select(e => e.GetString()));
        }
    }

    [Fact]
    public async Task WithoutAStarterOrNodeControl_CommandsSayWhyTheyCannot()
    {
        await using var master = await TestCluster.StartMasterAsync();
        await using var monitor = await TestCluster.StartMonitorAsync(master.Port, "area-1", "area");
        await using var client = await TestCluster.ConnectClientAsync(master.Port);

        var add = await Assert.ThrowsAsync<AdminRemoteException>(() => client.RequestAsync(ConsoleModule.Id, new { signal = "add", args = new[] { "id=a", "serverType=area", "host=127.0.0.1", "port=1" } }));
        var stop = await client.RequestAsync(ConsoleModule.Id, new { signal = "stop", ids = new[] { "area-1" } });
        var cron = await Assert.ThrowsAsync<AdminRemoteException>(() => client.RequestAsync(ConsoleModule.Id, new { signal = "addCron" }));
        var unknown = await Assert.ThrowsAsync<AdminRemoteException>(() => client.RequestAsync(ConsoleModule.Id, new { signal = "explode" }));
        var malformed = await Assert.ThrowsAsync<AdminRemoteException>(() => client.RequestAsync(ConsoleModule.Id, "list"));

        Assert.StartsWith("this master has no starter", add.Message);
        Assert.Equal("server area-1 cannot stop itself (no node control)", stop!.Value.GetProperty("failed")[0].GetProperty("error").GetString());
        Assert.Equal("cron jobs are not supported by this node", cron.Message);
        Assert.Equal("unknown signal: explode", unknown.Message);
        Assert.StartsWith("invalid console request", malformed.Message);
        Assert.True(monitor.Service.IsConnected);
    }

    [Fact]
    public async Task EnableAndDisable_GoThroughTheConsole_ClusterWideOrOnOneServer()
    {
        await using var master = await TestCluster.StartMasterAsync(b => b.AddAdminModule<Scenarios.Modules.EchoModule>());
        await using var monitor = await TestCluster.StartMonitorAsync(master.Port, "area-1", "area", b => b.AddAdminModule<Scenarios.Modules.EchoModule>());
        await using var client = await TestCluster.ConnectClientAsync(master.Port);

        await client.RequestAsync(ConsoleModule.Id, new { signal = "disable", moduleId = "echo", serverId = "area-1" });

        await Eventually.TrueAsync(() => !monitor.Service.Console.ListModules().Single(m => m.Id == "echo").Enabled, "area-1 disabled echo");
        Assert.True(master.Service.Console.ListModules().Single(m => m.Id == "echo").Enabled);
        await client.RequestAsync(ConsoleModule.Id, new { signal = "enable", moduleId = "echo", serverId = "area-1" });
        await Eventually.TrueAsync(() => monitor.Service.Console.ListModules().Single(m => m.Id == "echo").Enabled, "area-1 enabled echo");
    }
}
