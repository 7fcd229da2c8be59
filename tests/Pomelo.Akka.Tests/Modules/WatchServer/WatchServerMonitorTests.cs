using Microsoft.Extensions.DependencyInjection;
using Pomelo.Akka.Modules.WatchServer;
using Pomelo.Akka.Tests.TestSupport;

namespace Pomelo.Akka.Tests.Modules.WatchServer;

/// <summary>Each command's happy path against a monitor (<c>serverId</c> = the monitor's id), forwarded by the master.</summary>
public sealed class WatchServerMonitorTests
{
    private const string Id = WatchServerCluster.MonitorId;

    [Fact]
    public async Task Servers_OnMonitor_ListsItsServerMapAsUp()
    {
        await using var cluster = await WatchServerCluster.StartAsync();
        var client = await cluster.ConnectAsync();

        var reply = await WatchServerCluster.AskAsync(client, new { command = "servers", serverId = Id });

        var servers = reply.GetProperty("servers").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!);
        Assert.Equal("area", servers[Id].GetProperty("serverType").GetString());
        Assert.Equal("127.0.0.1", servers[Id].GetProperty("host").GetString());
        Assert.Equal(4000, servers[Id].GetProperty("port").GetInt32());
        Assert.Equal(Environment.ProcessId, servers[Id].GetProperty("pid").GetInt64());
        Assert.Equal("master", servers[cluster.MasterId].GetProperty("serverType").GetString());
        Assert.All(servers.Values, s => Assert.Equal("Up", s.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task ConnectionsAndLogins_OnMonitorWithoutSource_AreEmptyObjects()
    {
        await using var cluster = await WatchServerCluster.StartAsync();
        var client = await cluster.ConnectAsync();

        var connections = await WatchServerCluster.AskAsync(client, new { command = "connections", serverId = Id });
        var logins = await WatchServerCluster.AskAsync(client, new { command = "logins", serverId = Id });

        JsonText.Equal(WatchServerCluster.Json("""{"serverId":"<id>","connections":{}}""", Id), connections);
        JsonText.Equal(WatchServerCluster.Json("""{"serverId":"<id>","logins":{}}""", Id), logins);
    }

    [Fact]
    public async Task ConnectionsLoginsComponents_OnMonitorWithSource_AreTheApplicationsReports()
    {
        await using var cluster = await WatchServerCluster.StartAsync(monitorServices: s => s.AddSingleton<IServerStatusSource, TestStatusSource>());
        var client = await cluster.ConnectAsync();

        var connections = await WatchServerCluster.AskAsync(client, new { command = "connections", serverId = Id });
        var logins = await WatchServerCluster.AskAsync(client, new { command = "logins", serverId = Id });
        var components = await WatchServerCluster.AskAsync(client, new { command = "components", serverId = Id });

        JsonText.Equal(WatchServerCluster.Json("""{"serverId":"<id>","connections":{"tcp":3,"WebSocket":2}}""", Id), connections);
        JsonText.Equal(WatchServerCluster.Json("""{"serverId":"<id>","logins":{"user-1":{"username":"alice","loginTime":1000}}}""", Id), logins);
        JsonText.Equal(WatchServerCluster.Json("""{"serverId":"<id>","components":["__monitor__","__connector__"]}""", Id), components);
    }

    [Fact]
    public async Task Modules_OnMonitor_ListsItsModulesWithState()
    {
        await using var cluster = await WatchServerCluster.StartAsync();
        var client = await cluster.ConnectAsync();

        var reply = await WatchServerCluster.AskAsync(client, new { command = "modules", serverId = Id });

        Assert.Equal(Id, reply.GetProperty("serverId").GetString());
        var modules = reply.GetProperty("modules").EnumerateArray().ToDictionary(m => m.GetProperty("id").GetString()!);
        Assert.Contains("__monitorwatcher__", modules.Keys);
        var watch = modules[WatchServerModule.Id];
        Assert.True(watch.GetProperty("enabled").GetBoolean());
        Assert.Equal("Running", watch.GetProperty("state").GetString());
        Assert.Equal("None", watch.GetProperty("schedule").GetString());
        Assert.Equal(0, watch.GetProperty("restarts").GetInt32());
    }

    [Fact]
    public async Task Status_OnMonitor_ReportsTheProcessFigures()
    {
        await using var cluster = await WatchServerCluster.StartAsync();
        var client = await cluster.ConnectAsync();

        var reply = await WatchServerCluster.AskAsync(client, new { command = "status", serverId = Id });

        Assert.Equal(Id, reply.GetProperty("serverId").GetString());
        Assert.Equal("area", reply.GetProperty("serverType").GetString());
        Assert.Equal(Environment.ProcessId, reply.GetProperty("pid").GetInt32());
        Assert.True(reply.GetProperty("uptime").GetDouble() > 0);
        Assert.True(reply.GetProperty("rss").GetInt64() > 0);
        Assert.True(reply.GetProperty("heapUsed").GetInt64() > 0);
        Assert.Equal(GC.MaxGeneration + 1, reply.GetProperty("gcCollections").GetArrayLength());
        Assert.True(reply.GetProperty("threads").GetInt32() > 0);
    }

    [Fact]
    public async Task Components_OnMonitorWithoutSource_IsTheMonitorComponent()
    {
        await using var cluster = await WatchServerCluster.StartAsync();
        var client = await cluster.ConnectAsync();

        var reply = await WatchServerCluster.AskAsync(client, new { command = "components", serverId = Id });

        JsonText.Equal(WatchServerCluster.Json("""{"serverId":"<id>","components":["__monitor__"]}""", Id), reply);
    }

    [Fact]
    public async Task SetThenGet_OnMonitor_ReturnsTheValue_AndSettingsListsIt()
    {
        await using var cluster = await WatchServerCluster.StartAsync();
        var client = await cluster.ConnectAsync();

        var before = await WatchServerCluster.AskAsync(client, new { command = "get", serverId = Id, key = "maxUsers" });
        var set = await WatchServerCluster.AskAsync(client, new { command = "set", serverId = Id, key = "maxUsers", value = 42 });
        await WatchServerCluster.AskAsync(client, new { command = "set", serverId = Id, key = "motd", value = "hello" });
        var get = await WatchServerCluster.AskAsync(client, new { command = "get", serverId = Id, key = "maxUsers" });
        var settings = await WatchServerCluster.AskAsync(client, new { command = "settings", serverId = Id });
        var onMaster = await WatchServerCluster.AskAsync(client, new { command = "get", key = "maxUsers" });

        JsonText.Equal(WatchServerCluster.Json("""{"serverId":"<id>","key":"maxUsers","value":null}""", Id), before);
        JsonText.Equal(WatchServerCluster.Json("""{"serverId":"<id>","key":"maxUsers","value":42}""", Id), set);
        JsonText.Equal(WatchServerCluster.Json("""{"serverId":"<id>","key":"maxUsers","value":42}""", Id), get);
        JsonText.Equal(WatchServerCluster.Json("""{"serverId":"<id>","settings":{"maxUsers":42,"motd":"hello"}}""", Id), settings);
        Assert.True(cluster.Monitor.Get<ServerSettings>().TryGet("maxUsers", out var stored) && stored.GetInt32() == 42);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, onMaster.GetProperty("value").ValueKind);
    }
}
