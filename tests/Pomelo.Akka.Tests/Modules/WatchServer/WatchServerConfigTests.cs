using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pomelo.Akka.Tests.TestSupport;

namespace Pomelo.Akka.Tests.Modules.WatchServer;

/// <summary>The <c>config</c> command over loopback: the node's own configuration, flattened, secrets masked.</summary>
public sealed class WatchServerConfigTests
{
    private static IConfiguration Configuration(string app) => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["app:name"] = app,
        ["app:apiToken"] = "t0k3n",
        ["db:Password"] = "hunter2",
        ["pomelo:monitor:token"] = "tok-area",
        ["vault:secrets:0"] = "s1",
        ["app:port"] = "3010",
    }).Build();

    [Fact]
    public async Task Config_OnMonitor_IsItsConfigurationWithSecretsMasked()
    {
        await using var cluster = await WatchServerCluster.StartAsync(
            monitorServices: s => s.AddSingleton(Configuration("area")),
            masterServices: s => s.AddSingleton(Configuration("master")));
        var client = await cluster.ConnectAsync();

        var reply = await WatchServerCluster.AskAsync(client, new { command = "config", serverId = WatchServerCluster.MonitorId });

        JsonText.Equal(
            WatchServerCluster.Json("""
            {"serverId":"<id>","config":{
              "app:apiToken":"***","app:name":"area","app:port":"3010","db:Password":"***",
              "pomelo:monitor:token":"***","vault:secrets:0":"***"}}
            """, WatchServerCluster.MonitorId),
            reply);
    }

    [Fact]
    public async Task Config_OnMaster_IsTheMastersConfigurationWithSecretsMasked()
    {
        await using var cluster = await WatchServerCluster.StartAsync(
            monitorServices: s => s.AddSingleton(Configuration("area")),
            masterServices: s => s.AddSingleton(Configuration("master")));
        var client = await cluster.ConnectAsync("operator");

        var reply = await WatchServerCluster.AskAsync(client, new { command = "config" });

        var config = reply.GetProperty("config");
        Assert.Equal("master", config.GetProperty("app:name").GetString());
        Assert.Equal("***", config.GetProperty("app:apiToken").GetString());
        Assert.Equal("***", config.GetProperty("db:Password").GetString());
        Assert.DoesNotContain("hunter2", reply.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_OnNodeWithEmptyConfiguration_IsAnEmptyObject()
    {
        await using var cluster = await WatchServerCluster.StartAsync();
        var client = await cluster.ConnectAsync();

        var reply = await WatchServerCluster.AskAsync(client, new { command = "config", serverId = WatchServerCluster.MonitorId });

        JsonText.Equal(WatchServerCluster.Json("""{"serverId":"<id>","config":{}}""", WatchServerCluster.MonitorId), reply);
    }
}
