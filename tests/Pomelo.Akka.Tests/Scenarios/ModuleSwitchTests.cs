using Pomelo.Akka.Errors;
using Pomelo.Akka.Tests.Scenarios.Modules;
using Pomelo.Akka.Tests.TestSupport;

namespace Pomelo.Akka.Tests.Scenarios;

public sealed class ModuleSwitchTests
{
    [Fact]
    public async Task DisabledModuleOnAMonitor_IsNeverCalled_AndEnablingBringsItBack()
    {
        var recorder = new ProbeRecorder();
        await using var master = await TestCluster.StartMasterAsync(configure: o => o.RunOwnMonitor = false);
        await using var monitor = await TestCluster.StartMonitorAsync(master.Port, "area-1", "area", ProbeRecorder.Register(recorder));

        Assert.True(monitor.Service.Console.DisableModule(ProbeModule.Id));
        var error = await Assert.ThrowsAsync<AdminRemoteException>(() => master.Agent.RequestAsync("area-1", ProbeModule.Id, null));
        await master.Agent.NotifyByIdAsync("area-1", ProbeModule.Id, new { });

        Assert.Equal("module probe is disable", error.Message);
        await recorder.AssertQuietAsync(TimeSpan.FromMilliseconds(200));
        Assert.True(monitor.Service.Console.EnableModule(ProbeModule.Id));
        Assert.Equal("ok", (await master.Agent.RequestAsync("area-1", ProbeModule.Id, null))!.Value.GetString());
        Assert.Equal("area-1", (await recorder.NextAsync()).Node);
    }

    [Fact]
    public async Task ClientDisablesClusterWide_NoNodeCallsTheModule_AndNothingCrashes()
    {
        var recorder = new ProbeRecorder();
        await using var master = await TestCluster.StartMasterAsync(ProbeRecorder.Register(recorder));
        await using var one = await TestCluster.StartMonitorAsync(master.Port, "connector-1", "connector", ProbeRecorder.Register(recorder));
        await using var two = await TestCluster.StartMonitorAsync(master.Port, "area-1", "area", ProbeRecorder.Register(recorder));
        await using var client = await TestCluster.ConnectClientAsync(master.Port);

        var reply = await client.CommandAsync("disable", ProbeModule.Id);

        Assert.Equal(1, reply!.Value.GetInt32());
        await Eventually.TrueAsync(() => !one.Service.Console.ListModules().Single(m => m.Id == ProbeModule.Id).Enabled && !two.Service.Console.ListModules().Single(m => m.Id == ProbeModule.Id).Enabled, "every monitor disabled the module");
        Assert.False(master.Service.Console.ListModules().Single(m => m.Id == ProbeModule.Id).Enabled);
        await master.Agent.NotifyAllAsync(ProbeModule.Id, new { });
        await Assert.ThrowsAsync<AdminRemoteException>(() => client.RequestAsync(ProbeModule.Id, new { }));
        await recorder.AssertQuietAsync(TimeSpan.FromMilliseconds(200));
        Assert.True(one.Service.IsConnected && two.Service.IsConnected);

        await client.CommandAsync("enable", ProbeModule.Id);
        await Eventually.TrueAsync(() => one.Service.Console.ListModules().Single(m => m.Id == ProbeModule.Id).Enabled, "the monitor enabled the module again");
        Assert.Equal("ok", (await master.Agent.RequestAsync("connector-1", ProbeModule.Id, null))!.Value.GetString());
    }

    [Fact]
    public async Task ClientDisablesOnOneServer_OnlyThatServerStops()
    {
        var recorder = new ProbeRecorder();
        await using var master = await TestCluster.StartMasterAsync(ProbeRecorder.Register(recorder));
        await using var one = await TestCluster.StartMonitorAsync(master.Port, "connector-1", "connector", ProbeRecorder.Register(recorder));
        await using var two = await TestCluster.StartMonitorAsync(master.Port, "area-1", "area", ProbeRecorder.Register(recorder));
        await using var client = await TestCluster.ConnectClientAsync(master.Port);

        await client.CommandAsync("disable", ProbeModule.Id, new { serverId = "area-1" });

        await Eventually.TrueAsync(() => !two.Service.Console.ListModules().Single(m => m.Id == ProbeModule.Id).Enabled, "area-1 disabled the module");
        Assert.True(one.Service.Console.ListModules().Single(m => m.Id == ProbeModule.Id).Enabled);
        Assert.True(master.Service.Console.ListModules().Single(m => m.Id == ProbeModule.Id).Enabled);
        var unknown = await Assert.ThrowsAsync<AdminRemoteException>(() => client.CommandAsync("disable", ProbeModule.Id, new { serverId = "nobody" }));
        Assert.Equal("unknown server id:nobody", unknown.Message);
    }

    [Theory]
    [InlineData("operator", "operator")]
    [InlineData("viewer", "viewer")]
    public async Task NonAdminLevels_CannotSwitchModules_ButCanList(string user, string password)
    {
        var recorder = new ProbeRecorder();
        await using var master = await TestCluster.StartMasterAsync(ProbeRecorder.Register(recorder));
        await using var client = await TestCluster.ConnectClientAsync(master.Port, user, password);

        var denied = await Assert.ThrowsAsync<AdminRemoteException>(() => client.CommandAsync("disable", ProbeModule.Id));
        var list = await client.CommandAsync("list");

        Assert.Equal("Command permission denied", denied.Message);
        Assert.True(master.Service.Console.ListModules().Single(m => m.Id == ProbeModule.Id).Enabled);
        Assert.Contains(ProbeModule.Id, list!.Value.GetProperty("modules").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task UnknownCommandAndUnknownModule_AreClearErrors()
    {
        await using var master = await TestCluster.StartMasterAsync();
        await using var client = await TestCluster.ConnectClientAsync(master.Port);

        var command = await Assert.ThrowsAsync<AdminRemoteException>(() => client.CommandAsync("explode"));
        var module = await Assert.ThrowsAsync<AdminRemoteException>(() => client.CommandAsync("enable", "nope"));
        var request = await Assert.ThrowsAsync<AdminRemoteException>(() => client.RequestAsync("nope", null));

        Assert.Equal("unknown command:explode", command.Message);
        Assert.Equal("unknown moduleId:nope", module.Message);
        Assert.Equal("unknown moduleId:nope", request.Message);
    }
}
