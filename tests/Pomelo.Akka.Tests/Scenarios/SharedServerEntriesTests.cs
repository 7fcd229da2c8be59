using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pomelo.Akka.Cluster;
using Pomelo.Akka.Console;
using Pomelo.Akka.Hosting;
using Pomelo.Akka.Monitor;
using Pomelo.Akka.Security;
using Pomelo.Akka.Tests.TestSupport;

namespace Pomelo.Akka.Tests.Scenarios;

/// <summary>Monitors hosted in one process from one container share their server maps' entries.</summary>
public sealed class SharedServerEntriesTests
{
    [Fact]
    public async Task MonitorsFromOneContainer_MapTheSameServers_WithTheSameEntryObjects()
    {
        await using var master = await TestCluster.StartMasterAsync();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging();
        services.AddPomeloMonitor();
        await using var provider = services.BuildServiceProvider();
        await using var first = Monitor(provider, master.Port, "area-1");
        await using var second = Monitor(provider, master.Port, "area-2");
        await using var elsewhere = await TestCluster.StartMonitorAsync(master.Port, "area-3", "area");

        await first.StartAsync(CancellationToken.None).WaitAsync(Wait.Timeout);
        await second.StartAsync(CancellationToken.None).WaitAsync(Wait.Timeout);
        string[] all = ["area-1", "area-2", "area-3", "master-server-1"];
        foreach (var map in new[] { first.ServerMap, second.ServerMap, elsewhere.Service.ServerMap })
        {
            await Eventually.TrueAsync(() => map.Servers.Select(s => s.Id).SequenceEqual(all), "every map has every server");
        }

        // area-1 reached the second map through the subscribe reply or an addServer, area-2 the first one the other way:
        // the same info either way, so one entry for both maps; a monitor of another container has its own.
        foreach (var id in all)
        {
            Assert.Same(first.ServerMap.Find(id), second.ServerMap.Find(id));
            Assert.NotSame(first.ServerMap.Find(id), elsewhere.Service.ServerMap.Find(id));
        }

        Assert.Equal(4, first.ServerMap.Count);
    }

    private static MonitorService Monitor(ServiceProvider provider, int masterPort, string id) => new(
        new MonitorOptions { Id = id, ServerType = "area", Host = "127.0.0.1", Port = 4000, MasterHost = "127.0.0.1", MasterPort = masterPort, Token = TestCluster.AreaToken },
        TestCluster.AreaToken,
        provider.GetServices<AdminModuleRegistration>(),
        provider,
        new ModuleSupervisionOptions(),
        TimeProvider.System,
        provider.GetRequiredService<ILoggerFactory>());
}
