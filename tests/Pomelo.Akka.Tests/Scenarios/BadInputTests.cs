using Pomelo.Akka.Protocol.Mqtt;
using Pomelo.Akka.Tests.Scenarios.Modules;
using Pomelo.Akka.Tests.TestSupport;

namespace Pomelo.Akka.Tests.Scenarios;

public sealed class BadInputTests
{
    [Fact]
    public async Task MalformedJsonFromAClient_ClosesOnlyThatConnection()
    {
        var logs = new LogCollector();
        await using var master = await TestCluster.StartMasterAsync(b => b.AddAdminModule<EchoModule>(), logs: logs);
        await using var good = await TestCluster.ConnectClientAsync(master.Port);
        await using var bad = await RawPeer.ConnectAsync(master.Port);
        Assert.Equal(1, (await bad.RegisterAsync("""{"type":"client","id":"bad-1","username":"admin","password":"admin"}""")).Code);

        await bad.PublishAsync("client", "{\"reqId\":1,\"moduleId\":");

        await bad.AssertClosedAsync();
        Assert.True(logs.Has(1105));
        Assert.NotNull(await good.RequestAsync(EchoModule.Id, new { still = "fine" }));
    }

    [Fact]
    public async Task OversizeFrame_ClosesTheConnectionWithoutReadingIt()
    {
        var logs = new LogCollector();
        await using var master = await TestCluster.StartMasterAsync(configure: o => o.MaxFrameSize = 4096, logs: logs);
        await using var peer = await RawPeer.ConnectAsync(master.Port);
        Assert.Equal(1, (await peer.RegisterAsync("""{"type":"client","id":"big-1","username":"admin","password":"admin"}""")).Code);

        await peer.SendRawAsync([0x30, 0xFF, 0xFF, 0x7F, 0x00, 0x01, (byte)'c']);

        await peer.AssertClosedAsync();
        Assert.Contains(logs.Entries, e => e.EventId.Id == 1100 && e.Message.Contains(nameof(MqttErrorCode.FrameTooLarge)));
        await using var client = await TestCluster.ConnectClientAsync(master.Port);
        Assert.True(client.IsConnected);
    }

    [Fact]
    public async Task GarbageInsteadOfConnect_IsClosedAndLogged()
    {
        var logs = new LogCollector();
        await using var master = await TestCluster.StartMasterAsync(logs: logs);
        await using var peer = await RawPeer.ConnectAsync(master.Port, handshake: false);

        await peer.SendRawAsync("GET / HTTP/1.1\r\n\r\n"u8.ToArray());

        await peer.AssertClosedAsync();
        Assert.True(logs.Has(1010));
    }

    [Fact]
    public async Task PomeloStyleRequestAsAJsonString_IsAnsweredWithAPlainObject()
    {
        await using var master = await TestCluster.StartMasterAsync(b => b.AddAdminModule<EchoModule>());
        await using var peer = await RawPeer.ConnectAsync(master.Port);
        Assert.Equal(1, (await peer.RegisterAsync("""{"type":"client","id":"pomelo-cli-1","username":"admin","password":"admin","md5":false}""")).Code);

        await peer.PublishJsonStringAsync("client", """{"reqId":7,"moduleId":"echo","body":{"clientId":"someone-else","username":"root","n":5}}""");

        var reply = await peer.ReadPublishAsync("client");
        Assert.Equal(7, reply.GetProperty("respId").GetInt64());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, reply.GetProperty("error").ValueKind);
        Assert.Equal("admin", reply.GetProperty("body").GetProperty("username").GetString());
        Assert.Equal(5, reply.GetProperty("body").GetProperty("received").GetProperty("n").GetInt32());
    }

    [Fact]
    public async Task PomeloStyleMonitor_RegistersAnswersRequestsAndPings()
    {
        await using var master = await TestCluster.StartMasterAsync();
        await using var peer = await RawPeer.ConnectAsync(master.Port, keepAlive: 0);
        var reply = await peer.RegisterAsync("""{"id":"connector-9","type":"monitor","serverType":"connector","pid":4242,"info":{"host":"127.0.0.1","port":4059},"token":"tok-connector"}""");
        Assert.Equal((1, "ok"), reply);

        var request = master.Agent.RequestAsync("connector-9", "nodeInfo", new { q = 1 });
        var received = await peer.ReadPublishAsync("monitor");
        var reqId = received.GetProperty("reqId").GetInt64();
        await peer.PublishJsonStringAsync("monitor", $$$"""{"respId":{{{reqId}}},"error":null,"body":{"pid":4242}}""");
        await peer.SendAsync(PingReqPacket.Instance);

        Assert.Equal(4242, (await request)!.Value.GetProperty("pid").GetInt32());
        var server = Assert.Single(master.Agent.Servers, s => s.Id == "connector-9");
        Assert.Equal(("127.0.0.1", 4059, 4242L), (server.Host, server.Port, server.Pid));
    }

    [Fact]
    public async Task MonitorDroppingWithARequestPending_TheRequestWaitsAndFailsOnceWhenTheServerIsRemoved()
    {
        await using var master = await TestCluster.StartMasterAsync(membership: o => o.RemovalMargin = TimeSpan.FromMilliseconds(300));
        var peer = await RawPeer.ConnectAsync(master.Port);
        Assert.Equal(1, (await peer.RegisterAsync("""{"id":"area-9","type":"monitor","serverType":"area","pid":1,"info":{},"token":"tok-area"}""")).Code);

        var request = master.Agent.RequestAsync("area-9", "anything", null);
        await peer.ReadPublishAsync("monitor");
        await peer.DisposeAsync();

        var error = await Assert.ThrowsAsync<Pomelo.Akka.Errors.MemberRemovedException>(() => request.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal("area-9", error.ServerId);
        Assert.Equal(0, ((Pomelo.Akka.Master.MasterAgent)master.Agent).Pending.Count);
        Assert.DoesNotContain(master.Agent.Membership.Members, m => m.Id == "area-9");
    }
}
