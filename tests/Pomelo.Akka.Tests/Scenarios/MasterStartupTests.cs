using System.Net;
using System.Net.Sockets;
using Pomelo.Akka.Master;
using Pomelo.Akka.Tests.TestSupport;

namespace Pomelo.Akka.Tests.Scenarios;

public sealed class MasterStartupTests
{
    [Fact]
    public async Task PortAlreadyInUse_FailsWithOneClearError()
    {
        using var blocker = new TcpListener(IPAddress.Loopback, 0);
        blocker.Start();
        var port = ((IPEndPoint)blocker.LocalEndpoint).Port;
        var logs = new LogCollector();

        var error = await Assert.ThrowsAsync<MasterStartException>(() => TestCluster.StartMasterAsync(configure: o => o.Port = port, logs: logs));

        Assert.Contains($"127.0.0.1:{port}", error.Message);
        Assert.Contains("in use", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Single(logs.Entries, e => e.EventId.Id == 1051);
    }

    [Fact]
    public async Task MasterStarts_ItsOwnMonitorIsListedAsServerTypeMaster()
    {
        await using var master = await TestCluster.StartMasterAsync(configure: o => o.Id = "master-x");

        var servers = master.Agent.Servers;

        var self = Assert.Single(servers);
        Assert.Equal("master-x", self.Id);
        Assert.Equal("master", self.ServerType);
        Assert.Equal(Environment.ProcessId, self.Pid);
    }

    [Fact]
    public async Task MonitorClaimingMasterTypeWithoutTheSecret_IsRefused()
    {
        await using var master = await TestCluster.StartMasterAsync();

        var error = await Assert.ThrowsAsync<Pomelo.Akka.Monitor.MonitorRegistrationException>(
            () => TestCluster.StartMonitorAsync(master.Port, "fake-master", "master", configure: o => o.Token = "guess"));

        Assert.Equal("server auth failed", error.Reason);
    }
}
