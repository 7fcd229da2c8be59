using Microsoft.Extensions.DependencyInjection;
using Pomelo.Akka.Modules.WatchServer;
using Pomelo.Akka.Tests.TestSupport;

namespace Pomelo.Akka.Tests.Modules.WatchServer;

/// <summary>Each command's happy path against the master itself (no <c>serverId</c>), answered by the master.</summary>
public sealed class WatchServerMasterTests
{
    [Fact]
    public async Task Servers_OnMaster_ListsTheMembershipWithStates()
    {
        await using var cluster = await WatchServerCluster.StartAsync();
        var client = await cluster.ConnectAsync();

        var reply = await WatchServerCluster.AskAsync(client, new { command = "servers" });

        var servers = reply.GetProperty("servers").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!);
        Assert.Equal([WatchServerCluster.MonitorId, cluster.MasterId], servers.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("master", servers[cluster.MasterId].GetProperty("serverType").GetString());
        Assert.Equal("area", servers[WatchServerCluster.MonitorId].GetProperty("serverType").GetString());
        Assert.Equal(4000, servers[WatchServerCluster.MonitorId].GetProperty("port").GetInt32());
        Assert.Equal(Environment.ProcessId, servers[WatchServerCluster.MonitorId].GetProperty("pid").GetInt64());
        Assert.All(servers.Values, s => Assert.Equal("Up", s.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task ConnectionsAndLogins_OnMasterWithoutSource_AreEmptyObjects()
    {
        await using var cluster = await WatchServerCluster.StartAsync();
        var client = await cluster.ConnectAsync();

        var connections = await WatchServerCluster.AskAsync(client, new { command = "connections" });
        var logins = await WatchServerCluster.AskAsync(client, new { command = "logins" });

        JsonText.Equal(WatchServerCluster.Json("""{"serverId":"<id>","connections":{}}""", cluster.MasterId), connections);
        JsonText.Equal(WatchServerCluster.Json("""{"serverId":"<id>","logins":{}}""", cluster.MasterId), logins);
    }

    [Fact]
    public async Task ConnectionsAndComponents_OnMasterWithSource_AreTheApplicationsReports()
    {
        await using var cluster = await WatchServerCluster.StartAsync(masterServices: s => s.AddSingleton<IServerStatusSource, TestStatusSource>());
        var client = await cluster.ConnectAsync();

        var connections = await WatchServerCluster.AskAsync(client, new { command = "connections" });
        var components = await WatchServerCluster.AskAsync(client, new { command = "components" });

        JsonText.Equal(WatchServerCluster.Json("""{"serverId":"<id>","connections":{"tcp":3,"WebSocket":2}}""", cluster.MasterId), connections);
        JsonText.Equal(WatchServerCluster.Json("""{"serverId":"<id>","components":["__master__","__connector__","__monitor__"]}""", cluster.MasterId), components);
    }

    [Fact]
    public async Task Modules_OnMaster_ListsTheMastersModules()
    {
        await using var cluster = await WatchServerCluster.StartAsync();
        var client = await cluster.ConnectAsync();

        var reply = await WatchServerCluster.AskAsync(client, new { command = "modules" });

        Assert.Equal(cluster.MasterId, reply.GetProperty("serverId").GetString());
        var ids = reply.GetProperty("modules").EnumerateArray().Select(m => m.GetProperty("id").GetString()).ToList();
        Assert.Contains("__masterwatcher__", ids);
        Assert.Contains(WatchServerModule.Id, ids);
    }

    [Fact]
    public async Task Status_OnMaster_DescribesTheMasterProcess()
    {
        await using var cluster = await WatchServerCluster.StartAsync();
        var client = await cluster.ConnectAsync();

        var implicitTarget = await WatchServerCluster.AskAsync(client, new { command = "status" });
        var explicitTarget = await WatchServerCluster.AskAsync(client, new { command = "status", serverId = cluster.MasterId });

        foreach (var reply in new[] { implicitTarget, explicitTarget })
        {
            Assert.Equal(cluster.MasterId, reply.GetProperty("serverId").GetString());
            Assert.Equal("master", reply.GetProperty("serverType").GetString());
            Assert.Equal(Environment.ProcessId, reply.GetProperty("pid").GetInt32());
            Assert.True(reply.GetProperty("uptime").GetDouble() > 0);
            Assert.True(reply.GetProperty("rss").GetInt64() > 0);
            Assert.True(reply.GetProperty("heapUsed").GetInt64() > 0);
            Assert.Equal(GC.MaxGeneration + 1, reply.GetProperty("gcCollections").GetArrayLength());
            Assert.True(reply.GetProperty("threads").GetInt32() > 0);
        }
    }

    [Fact]
    public async Task Components_OnMasterWithoutSource_IsTheMasterComponent()
    {
        await using var cluster = await WatchServerCluster.StartAsync();
        var client = await cluster.ConnectAsync();

        var reply = await WatchServerCluster.AskAsync(client, new { command = "components" });

        JsonText.Equal(WatchServerCluster.Json("""{"serverId":"<id>","components":["__master__"]}""", cluster.MasterId), reply);
    }

    [Fact]
    public async Task SetThenGet_OnMaster_ReturnsTheValue_AndSettingsListsIt()
    {
        await using var cluster = await WatchServerCluster.StartAsync();
        var client = await cluster.ConnectAsync();

        await WatchServerCluster.AskAsync(client, new { command = "set", key = "limits", value = new { max = 5 } });
        var get = await WatchServerCluster.AskAsync(client, new { command = "get", key = "limits" });
        var settings = await WatchServerCluster.AskAsync(client, new { command = "settings" });
        var onMonitor = await WatchServerCluster.AskAsync(client, new { command = "settings", serverId = WatchServerCluster.MonitorId });

        JsonText.Equal(WatchServerCluster.Json("""{"serverId":"<id>","key":"limits","value":{"max":5}}""", cluster.MasterId), get);
        JsonText.Equal(WatchServerCluster.Json("""{"serverId":"<id>","settings":{"limits":{"max":5}}}""", cluster.MasterId), settings);
        JsonText.Equal(WatchServerCluster.Json("""{"serverId":"<id>","settings":{}}""", WatchServerCluster.MonitorId), onMonitor);
        Assert.True(cluster.Master.Get<ServerSettings>().TryGet("limits", out _));
    }
}
