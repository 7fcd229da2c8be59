using Pomelo.Akka.Client;
using Pomelo.Akka.Errors;
using Pomelo.Akka.Modules.WatchServer;

namespace Pomelo.Akka.Tests.Modules.WatchServer;

/// <summary>Levels over loopback: the level of the authenticated connection decides, for the master and forwarded requests alike.</summary>
public sealed class WatchServerAccessTests
{
    private const string Denied = "Command permission denied";

    private static readonly string[] NotYet = ["run is not available on this node yet", "dump is not available on this node yet"];

    [Theory]
    [InlineData(null)]
    [InlineData(WatchServerCluster.MonitorId)]
    public async Task Viewer_SetRunDumpConfig_AreDenied_TheRestAllowed(string? serverId)
    {
        await using var cluster = await WatchServerCluster.StartAsync();
        var client = await cluster.ConnectAsync("viewer");

        var denied = await DeniedCommandsAsync(client, serverId);

        Assert.Equal(["config", "dump", "run", "set"], denied);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(WatchServerCluster.MonitorId)]
    public async Task Operator_SetRunDump_AreDenied_ConfigAllowed(string? serverId)
    {
        await using var cluster = await WatchServerCluster.StartAsync();
        var client = await cluster.ConnectAsync("operator");

        var denied = await DeniedCommandsAsync(client, serverId);

        Assert.Equal(["dump", "run", "set"], denied);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(WatchServerCluster.MonitorId)]
    public async Task Admin_EveryCommand_IsAllowed(string? serverId)
    {
        await using var cluster = await WatchServerCluster.StartAsync();
        var client = await cluster.ConnectAsync("admin");

        var denied = await DeniedCommandsAsync(client, serverId);

        Assert.Empty(denied);
    }

    [Fact]
    public async Task DeniedSet_OnMonitor_LeavesItsSettingsUnchanged()
    {
        await using var cluster = await WatchServerCluster.StartAsync();
        var viewer = await cluster.ConnectAsync("viewer");
        var admin = await cluster.ConnectAsync("admin");

        var error = await WatchServerCluster.ErrorOfAsync(viewer, new { command = "set", serverId = WatchServerCluster.MonitorId, key = "k", value = 1 });
        var get = await WatchServerCluster.AskAsync(admin, new { command = "get", serverId = WatchServerCluster.MonitorId, key = "k" });

        Assert.Equal(Denied, error);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, get.GetProperty("value").ValueKind);
        Assert.False(cluster.Monitor.Get<ServerSettings>().TryGet("k", out _));
    }

    /// <summary>Runs every command; returns those denied, sorted. Any other error must be a "not available yet" one.</summary>
    private static async Task<List<string>> DeniedCommandsAsync(AdminClient client, string? serverId)
    {
        var denied = new List<string>();
        foreach (var command in WatchServerCommands.All.Order(StringComparer.Ordinal))
        {
            try
            {
                await client.RequestAsync(WatchServerModule.Id, new { command, serverId, key = "memory", value = 1 });
            }
            catch (AdminRemoteException ex) when (ex.Message == Denied)
            {
                denied.Add(command);
            }
            catch (AdminRemoteException ex)
            {
                Assert.Contains(ex.Message, NotYet);
            }
        }

        return denied;
    }
}
