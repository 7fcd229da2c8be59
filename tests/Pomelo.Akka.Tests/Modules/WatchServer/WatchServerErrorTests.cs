using Pomelo.Akka.Errors;
using Pomelo.Akka.Modules.WatchServer;

namespace Pomelo.Akka.Tests.Modules.WatchServer;

/// <summary>Error replies over loopback: clear messages, and a monitor that keeps answering after bad requests.</summary>
public sealed class WatchServerErrorTests
{
    private const string Invalid = "invalid watchServer request";

    [Theory]
    [InlineData(null)]
    [InlineData(WatchServerCluster.MonitorId)]
    public async Task UnknownCommand_IsAnErrorNamingIt(string? serverId)
    {
        await using var cluster = await WatchServerCluster.StartAsync();
        var client = await cluster.ConnectAsync("viewer");

        var error = await WatchServerCluster.ErrorOfAsync(client, new { command = "reboot", serverId });

        Assert.Equal("unknown command: reboot", error);
    }

    [Fact]
    public async Task UnknownServer_IsAnErrorNamingIt()
    {
        await using var cluster = await WatchServerCluster.StartAsync();
        var client = await cluster.ConnectAsync();

        var error = await WatchServerCluster.ErrorOfAsync(client, new { command = "status", serverId = "nobody-1" });

        Assert.Equal("unknown server id:nobody-1", error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(WatchServerCluster.MonitorId)]
    public async Task RunAndDump_AreNotAvailableYet(string? serverId)
    {
        await using var cluster = await WatchServerCluster.StartAsync();
        var client = await cluster.ConnectAsync();

        var run = await WatchServerCluster.ErrorOfAsync(client, new { command = "run", serverId, expression = "1 + 1" });
        var memory = await WatchServerCluster.ErrorOfAsync(client, new { command = "dump", serverId, key = "memory" });
        var cpu = await WatchServerCluster.ErrorOfAsync(client, new { command = "dump", serverId, key = "cpu" });

        Assert.Equal("run is not available on this node yet", run);
        Assert.Equal("dump is not available on this node yet", memory);
        Assert.Equal("dump is not available on this node yet", cpu);
    }

    [Fact]
    public async Task GetAndSet_WithoutKeyOrValue_AreErrors()
    {
        await using var cluster = await WatchServerCluster.StartAsync();
        var client = await cluster.ConnectAsync();

        var get = await WatchServerCluster.ErrorOfAsync(client, new { command = "get", serverId = WatchServerCluster.MonitorId });
        var set = await WatchServerCluster.ErrorOfAsync(client, new { command = "set", key = "k" });

        Assert.Equal("get needs a key", get);
        Assert.Equal("set needs a value", set);
    }

    [Fact]
    public async Task MalformedBodyFromClient_IsInvalid_AndTheNextRequestIsAnswered()
    {
        await using var cluster = await WatchServerCluster.StartAsync();
        var client = await cluster.ConnectAsync();

        var errors = new List<string>
        {
            await WatchServerCluster.ErrorOfAsync(client, null),
            await WatchServerCluster.ErrorOfAsync(client, "status"),
            await WatchServerCluster.ErrorOfAsync(client, new { command = 5 }),
            await WatchServerCluster.ErrorOfAsync(client, new { command = "status", serverId = 7 }),
        };
        var next = await WatchServerCluster.AskAsync(client, new { command = "status", serverId = WatchServerCluster.MonitorId });

        Assert.All(errors, e => Assert.Equal(Invalid, e));
        Assert.Equal(WatchServerCluster.MonitorId, next.GetProperty("serverId").GetString());
    }

    [Fact]
    public async Task MalformedBodyToMonitor_IsInvalid_AndTheMonitorAnswersTheNextRequest()
    {
        await using var cluster = await WatchServerCluster.StartAsync();
        var agent = cluster.Master.Agent;

        var errors = new List<string>();
        foreach (var body in new object?[] { null, "status", new[] { 1, 2 }, new { command = 5 }, new { key = "k" } })
        {
            var error = await Assert.ThrowsAsync<AdminRemoteException>(() => agent.RequestAsync(WatchServerCluster.MonitorId, WatchServerModule.Id, body));
            errors.Add(error.Message);
        }

        var unknown = await Assert.ThrowsAsync<AdminRemoteException>(() => agent.RequestAsync(WatchServerCluster.MonitorId, WatchServerModule.Id, new { command = "reboot" }));
        var next = await agent.RequestAsync(WatchServerCluster.MonitorId, WatchServerModule.Id, new { command = "status" });

        Assert.All(errors, e => Assert.Equal(Invalid, e));
        Assert.Equal("unknown command: reboot", unknown.Message);
        Assert.Equal(WatchServerCluster.MonitorId, next!.Value.GetProperty("serverId").GetString());
        Assert.True(cluster.Monitor.Service.IsConnected);
        Assert.Equal(Pomelo.Akka.Console.ModuleState.Running, cluster.Monitor.Service.Console.ListModules().Single(m => m.Id == WatchServerModule.Id).State);
    }
}
