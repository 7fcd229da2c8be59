using Pomelo.Akka.Security;
using Pomelo.Akka.Tests.TestSupport;

namespace Pomelo.Akka.Tests.Scenarios;

public sealed class RegistrationRefusalTests
{
    private const string ConnectorRegister = """{"id":"connector-1","type":"monitor","serverType":"connector","pid":42,"info":{"host":"127.0.0.1","port":4050},"token":"TOKEN"}""";

    [Theory]
    [InlineData("wrong-token", "server auth failed")]
    [InlineData("tok-area", "server auth failed")]
    public async Task MonitorWithWrongToken_IsRefusedAndClosed(string token, string expected)
    {
        var logs = new LogCollector();
        await using var master = await TestCluster.StartMasterAsync(logs: logs);
        await using var peer = await RawPeer.ConnectAsync(master.Port);

        var reply = await peer.RegisterAsync(ConnectorRegister.Replace("TOKEN", token));

        Assert.Equal((-1, expected), reply);
        await peer.AssertClosedAsync();
        Assert.True(logs.Has(1021));
        Assert.DoesNotContain(master.Agent.Servers, s => s.Id == "connector-1");
    }

    [Fact]
    public async Task MonitorWhenNoTokenFileExists_IsRefused()
    {
        await using var master = await TestCluster.StartMasterAsync(tokens: ServerTokenStore.Closed);
        await using var peer = await RawPeer.ConnectAsync(master.Port);

        var reply = await peer.RegisterAsync(ConnectorRegister.Replace("TOKEN", TestCluster.ConnectorToken));

        Assert.Equal((-1, "server auth failed"), reply);
        await peer.AssertClosedAsync();
    }

    [Fact]
    public async Task TokenlessPomeloReconnect_WithoutAPriorSession_IsRefused()
    {
        await using var master = await TestCluster.StartMasterAsync();
        await using var peer = await RawPeer.ConnectAsync(master.Port);

        var reply = await peer.RegisterAsync("""{"id":"connector-1","type":"monitor","serverType":"connector","pid":42,"info":{}}""", "reconnect", "reconnect_ok");

        Assert.Equal((-1, "server auth failed"), reply);
        await peer.AssertClosedAsync();
    }

    [Fact]
    public async Task TokenlessPomeloReconnect_ResumingARecentSessionFromTheSameAddress_IsAccepted()
    {
        await using var master = await TestCluster.StartMasterAsync();
        await using (var first = await RawPeer.ConnectAsync(master.Port))
        {
            Assert.Equal(1, (await first.RegisterAsync(ConnectorRegister.Replace("TOKEN", TestCluster.ConnectorToken))).Code);
        }

        await Eventually.TrueAsync(() => master.Agent.Servers.All(s => s.Id != "connector-1"), "the first session is gone");
        await using var again = await RawPeer.ConnectAsync(master.Port);

        var reply = await again.RegisterAsync("""{"id":"connector-1","type":"monitor","serverType":"connector","pid":42,"info":{}}""", "reconnect", "reconnect_ok");

        Assert.Equal((1, "ok"), reply);
        Assert.Contains(master.Agent.Servers, s => s.Id == "connector-1");
    }

    [Theory]
    [InlineData("admin", "wrong", "client auth failed with username or password error")]
    [InlineData("nobody", "admin", "client auth failed with username or password error")]
    [InlineData("", "admin", "client should auth with username")]
    public async Task ClientWithBadCredentials_IsRefusedAndClosed(string user, string password, string expected)
    {
        await using var master = await TestCluster.StartMasterAsync();
        await using var peer = await RawPeer.ConnectAsync(master.Port);

        var reply = await peer.RegisterAsync($$"""{"type":"client","id":"cli-1","username":"{{user}}","password":"{{password}}","md5":false}""");

        Assert.Equal((-1, expected), reply);
        await peer.AssertClosedAsync();
    }

    [Fact]
    public async Task ClientWithMd5Password_AsPomeloCliSendsIt_IsAccepted()
    {
        await using var master = await TestCluster.StartMasterAsync();
        await using var peer = await RawPeer.ConnectAsync(master.Port);

        var reply = await peer.RegisterAsync("""{"type":"client","id":"cli-1","username":"admin","password":"21232f297a57a5a743894a0e4a801fc3","md5":true}""");

        Assert.Equal((1, "ok"), reply);
    }

    [Fact]
    public async Task DuplicateIds_AreRefusedForMonitorsAndClients()
    {
        await using var master = await TestCluster.StartMasterAsync();
        await using var monitor = await TestCluster.StartMonitorAsync(master.Port, "connector-1", "connector");
        await using var client = await TestCluster.ConnectClientAsync(master.Port);
        await using var monitorPeer = await RawPeer.ConnectAsync(master.Port);
        await using var clientPeer = await RawPeer.ConnectAsync(master.Port);

        var monitorReply = await monitorPeer.RegisterAsync(ConnectorRegister.Replace("TOKEN", TestCluster.ConnectorToken));
        var clientReply = await clientPeer.RegisterAsync($$"""{"type":"client","id":"{{client.ClientId}}","username":"admin","password":"admin"}""");

        Assert.Equal((-1, "id has been registered. id:connector-1"), monitorReply);
        Assert.Equal((-1, "id has been registered. id:" + client.ClientId), clientReply);
        await monitorPeer.AssertClosedAsync();
        await clientPeer.AssertClosedAsync();
        Assert.True(monitor.Service.IsConnected);
        Assert.True(client.IsConnected);
    }

    [Fact]
    public async Task UnknownRegisterType_IsRefused()
    {
        await using var master = await TestCluster.StartMasterAsync();
        await using var peer = await RawPeer.ConnectAsync(master.Port);

        var reply = await peer.RegisterAsync("""{"type":"spy","id":"x"}""");

        Assert.Equal((-1, "unknown auth master type"), reply);
        await peer.AssertClosedAsync();
    }

    [Fact]
    public async Task NoRegisterWithinTheDeadline_IsRefusedAndClosed()
    {
        var time = new FakeTimeProvider();
        var logs = new LogCollector();
        await using var master = await TestCluster.StartMasterAsync(time: time, configure: o => { o.RegisterTimeout = TimeSpan.FromSeconds(5); o.RunOwnMonitor = false; }, logs: logs);
        await using var peer = await RawPeer.ConnectAsync(master.Port);

        time.Advance(TimeSpan.FromSeconds(5));

        var reply = await peer.ReadPublishAsync("register");
        Assert.Equal("register timeout", reply.GetProperty("msg").GetString());
        Assert.Equal(-1, reply.GetProperty("code").GetInt32());
        await peer.AssertClosedAsync();
        Assert.True(logs.Has(1012));
    }

    [Fact]
    public async Task PublishBeforeRegistering_ClosesTheConnection()
    {
        await using var master = await TestCluster.StartMasterAsync();
        await using var peer = await RawPeer.ConnectAsync(master.Port);

        await peer.PublishAsync("client", """{"reqId":1,"moduleId":"x","body":{}}""");

        await peer.AssertClosedAsync();
    }
}
