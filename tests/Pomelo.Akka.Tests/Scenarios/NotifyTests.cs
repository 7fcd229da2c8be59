using Pomelo.Akka.Tests.Scenarios.Modules;
using Pomelo.Akka.Tests.TestSupport;

namespace Pomelo.Akka.Tests.Scenarios;

public sealed class NotifyTests : IAsyncLifetime
{
    private readonly ProbeRecorder _recorder = new();
    private MasterNode _master = null!;
    private readonly List<MonitorNode> _monitors = [];

    public async Task InitializeAsync()
    {
        _master = await TestCluster.StartMasterAsync(ProbeRecorder.Register(_recorder), configure: o => o.RunOwnMonitor = false);
        _monitors.Add(await TestCluster.StartMonitorAsync(_master.Port, "connector-1", "connector", ProbeRecorder.Register(_recorder)));
        _monitors.Add(await TestCluster.StartMonitorAsync(_master.Port, "connector-2", "connector", ProbeRecorder.Register(_recorder)));
        _monitors.Add(await TestCluster.StartMonitorAsync(_master.Port, "area-1", "area", ProbeRecorder.Register(_recorder)));
    }

    public async Task DisposeAsync()
    {
        foreach (var monitor in _monitors)
        {
            await monitor.DisposeAsync();
        }

        await _master.DisposeAsync();
    }

    [Fact]
    public async Task NotifyById_ReachesOnlyThatServer()
    {
        Assert.True(await _master.Agent.NotifyByIdAsync("connector-2", ProbeModule.Id, new { hello = 1 }));

        var call = await _recorder.NextAsync();
        Assert.Equal(("connector-2", "monitor"), (call.Node, call.Handler));
        Assert.Equal(1, call.Message!.Value.GetProperty("hello").GetInt32());
        Assert.False(await _master.Agent.NotifyByIdAsync("nobody", ProbeModule.Id, null));
        await _recorder.AssertQuietAsync(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task NotifyByType_TwoConnectorsAndOneArea_ReachesTwoThenOne()
    {
        Assert.Equal(2, await _master.Agent.NotifyByTypeAsync("connector", ProbeModule.Id, new { to = "connectors" }));
        var connectors = await _recorder.TakeAsync(2);
        Assert.Equal(1, await _master.Agent.NotifyByTypeAsync("area", ProbeModule.Id, new { to = "areas" }));
        var areas = await _recorder.TakeAsync(1);

        Assert.Equal(["connector-1", "connector-2"], connectors.Select(c => c.Node).Order());
        Assert.All(connectors, c => Assert.Equal("connectors", c.Message!.Value.GetProperty("to").GetString()));
        Assert.Equal("area-1", Assert.Single(areas).Node);
        Assert.Equal(0, await _master.Agent.NotifyByTypeAsync("gate", ProbeModule.Id, null));
        await _recorder.AssertQuietAsync(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task NotifyAll_ReachesEveryServer()
    {
        Assert.Equal(3, await _master.Agent.NotifyAllAsync(ProbeModule.Id, new { all = true }));

        var calls = await _recorder.TakeAsync(3);
        Assert.Equal(["area-1", "connector-1", "connector-2"], calls.Select(c => c.Node).Order());
        Assert.All(calls, c => Assert.Equal("monitor", c.Handler));
    }

    [Fact]
    public async Task MonitorNotify_ReachesTheMastersHandler()
    {
        Assert.True(await _monitors[2].Agent.NotifyAsync(ProbeModule.Id, new { serverId = "area-1", load = 7 }));

        var call = await _recorder.NextAsync();
        Assert.Equal(("master-server-1", "master"), (call.Node, call.Handler));
        Assert.Equal(7, call.Message!.Value.GetProperty("load").GetInt32());
    }

    [Fact]
    public async Task ClientNotify_ReachesTheClientHandler()
    {
        await using var client = await TestCluster.ConnectClientAsync(_master.Port);

        Assert.True(await client.NotifyAsync(ProbeModule.Id, new { from = "client" }));

        var call = await _recorder.NextAsync();
        Assert.Equal("client", call.Handler);
        Assert.Equal("client", call.Message!.Value.GetProperty("from").GetString());
    }
}
