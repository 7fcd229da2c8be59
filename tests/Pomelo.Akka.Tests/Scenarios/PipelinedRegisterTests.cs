using System.Text;
using Pomelo.Akka.Client;
using Pomelo.Akka.Protocol.Mqtt;
using Pomelo.Akka.Tests.Protocol.Mqtt;
using Pomelo.Akka.Tests.TestSupport;

namespace Pomelo.Akka.Tests.Scenarios;

/// <summary>
/// Monitors and clients send their register right behind CONNECT, before CONNACK (MQTT 3.1.1 §3.1.4 allows it): a
/// master that answers CONNACK only once it holds the register still gets one, and the connection costs a round trip
/// less. These fake masters withhold CONNACK until the register has arrived, so a peer that waited for CONNACK first
/// would never register.
/// </summary>
public sealed class PipelinedRegisterTests
{
    [Fact]
    public async Task Monitor_SendsItsRegisterBeforeCONNACK_AndRegistersOnceBothAreAnswered()
    {
        using var listener = new FakeMasterListener();
        await using var monitor = await TestCluster.StartMonitorAsync(listener.Port, "early-1", "early", waitForRegistration: false);

        await using var master = await listener.AcceptAsync();
        await master.ReadAsync<ConnectPacket>();
        var register = await master.ReadAsync<PublishPacket>();
        Assert.Equal("register", register.Topic);
        Assert.Contains("early-1", Encoding.UTF8.GetString(register.Payload.Span), StringComparison.Ordinal);

        await master.SendAsync(new ConnAckPacket(0));
        await master.SendAsync(w => MqttCodec.WritePublish(w, "register", """{"code":1,"msg":"ok"}"""u8));

        // Registered (its start then waits on its modules, which this fake master does not serve).
        await Eventually.TrueAsync(() => monitor.Service.Registrations == 1, "the monitor is registered");
    }

    [Fact]
    public async Task Client_SendsItsLoginBeforeCONNACK_AndIsLoggedInOnceBothAreAnswered()
    {
        using var listener = new FakeMasterListener();
        var connecting = AdminClient.ConnectAsync(new AdminClientOptions { Host = "127.0.0.1", Port = listener.Port, Username = "admin", Password = "admin" });

        await using var master = await listener.AcceptAsync();
        await master.ReadAsync<ConnectPacket>();
        var login = await master.ReadAsync<PublishPacket>();
        Assert.Equal("register", login.Topic);
        Assert.Contains("\"username\":\"admin\"", Encoding.UTF8.GetString(login.Payload.Span), StringComparison.Ordinal);

        await master.SendAsync(new ConnAckPacket(0));
        await master.SendAsync(w => MqttCodec.WritePublish(w, "register", """{"code":1,"msg":"ok"}"""u8));

        await using var client = await connecting.WaitAsync(Wait.Timeout);
        Assert.NotNull(client);
    }

    [Fact]
    public async Task Monitor_MasterRefusesCONNECT_RegisterSentAheadIsIgnoredAndTheMonitorRetries()
    {
        using var listener = new FakeMasterListener();
        await using var monitor = await TestCluster.StartMonitorAsync(listener.Port, "early-2", "early", waitForRegistration: false);

        await using (var first = await listener.AcceptAsync())
        {
            await first.ReadAsync<ConnectPacket>();
            await first.ReadAsync<PublishPacket>();
            await first.SendAsync(new ConnAckPacket(5)); // not authorised
        }

        await using var second = await listener.AcceptAsync();
        await second.ReadAsync<ConnectPacket>();
        Assert.Equal("register", (await second.ReadAsync<PublishPacket>()).Topic);
        Assert.Equal(0, monitor.Service.Registrations);
    }

    [Fact]
    public async Task Monitor_NoCONNACKInTime_LeavesWithDisconnect_ForTheMasterMayHaveRegisteredIt()
    {
        using var listener = new FakeMasterListener();
        await using var monitor = await TestCluster.StartMonitorAsync(
            listener.Port, "early-3", "early", configure: o => o.ConnectTimeout = TimeSpan.FromMilliseconds(300), waitForRegistration: false);

        await using (var first = await listener.AcceptAsync())
        {
            await first.ReadAsync<ConnectPacket>();
            Assert.Equal("register", (await first.ReadAsync<PublishPacket>()).Topic);

            // No CONNACK: the next thing on the wire must be the monitor's DISCONNECT, not a bare close.
            var next = await first.ReadAsync();
            Assert.True(next.Packet is DisconnectPacket, $"expected DISCONNECT after the connect timeout, got {next}");
        }

        // It comes back on a new connection and registers again.
        await using var second = await listener.AcceptAsync();
        await second.ReadAsync<ConnectPacket>();
        Assert.Equal("register", (await second.ReadAsync<PublishPacket>()).Topic);
    }

    [Fact]
    public async Task Monitor_CONNACKLaterThanTheConnectTimeoutButWithinTheRegisterTimeout_StillRegisters()
    {
        using var listener = new FakeMasterListener();
        await using var monitor = await TestCluster.StartMonitorAsync(
            listener.Port,
            "early-4",
            "early",
            configure: o =>
            {
                o.ConnectTimeout = TimeSpan.FromMilliseconds(200);
                o.RegisterTimeout = TimeSpan.FromSeconds(10);
            },
            waitForRegistration: false);

        await using var master = await listener.AcceptAsync();
        await master.ReadAsync<ConnectPacket>();
        await master.ReadAsync<PublishPacket>();

        // A master busy with a storm answers well after the connect timeout: CONNACK has the register's time.
        await Task.Delay(TimeSpan.FromMilliseconds(600));
        await master.SendAsync(new ConnAckPacket(0));
        await master.SendAsync(w => MqttCodec.WritePublish(w, "register", """{"code":1,"msg":"ok"}"""u8));

        await Eventually.TrueAsync(() => monitor.Service.Registrations == 1, "the monitor is registered on that connection");
    }
}
