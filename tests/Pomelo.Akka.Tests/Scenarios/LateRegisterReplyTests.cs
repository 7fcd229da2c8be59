using System.Text;
using Pomelo.Akka.Protocol.Mqtt;
using Pomelo.Akka.Tests.Protocol.Mqtt;
using Pomelo.Akka.Tests.TestSupport;

namespace Pomelo.Akka.Tests.Scenarios;

/// <summary>
/// A master too busy to answer a register in time: the monitor gives that connection up with DISCONNECT (so a master
/// that did register it records a clean leave, not a failure) and registers again on a new one.
/// </summary>
public sealed class LateRegisterReplyTests
{
    [Fact]
    public async Task RegisterReplyLate_MonitorLeavesWithDisconnectThenRetries()
    {
        using var listener = new FakeMasterListener();
        await using var monitor = await TestCluster.StartMonitorAsync(
            listener.Port, "late-1", "late", configure: o => o.RegisterTimeout = TimeSpan.FromMilliseconds(300), waitForRegistration: false);

        await using (var first = await listener.AcceptAsync())
        {
            await first.ReadAsync<ConnectPacket>();
            await first.SendAsync(new ConnAckPacket(0));
            var register = await first.ReadAsync<PublishPacket>();
            Assert.Equal("register", register.Topic);
            Assert.Contains("late-1", Encoding.UTF8.GetString(register.Payload.Span), StringComparison.Ordinal);

            // No reply: the next thing on the wire must be the monitor's DISCONNECT, not a bare close.
            var next = await first.ReadAsync();
            Assert.True(next.Packet is DisconnectPacket, $"expected DISCONNECT after the register timeout, got {next}");
        }

        // It comes back on a new connection and registers again.
        await using var second = await listener.AcceptAsync();
        await second.ReadAsync<ConnectPacket>();
        await second.SendAsync(new ConnAckPacket(0));
        var again = await second.ReadAsync<PublishPacket>();
        Assert.Equal("register", again.Topic);
    }

    [Fact]
    public async Task MasterRefusesWithRegisterTimeout_MonitorRetriesInsteadOfGivingUp()
    {
        using var listener = new FakeMasterListener();
        await using var monitor = await TestCluster.StartMonitorAsync(listener.Port, "late-2", "late", waitForRegistration: false);

        await using (var first = await listener.AcceptAsync())
        {
            await first.ReadAsync<ConnectPacket>();
            await first.SendAsync(new ConnAckPacket(0));
            await first.ReadAsync<PublishPacket>();

            // What a busy master answers when the register came after its registerTimeout.
            await first.SendAsync(w => MqttCodec.WritePublish(w, "register", Encoding.UTF8.GetBytes("""{"code":-1,"msg":"register timeout"}""")));
        }

        await using var second = await listener.AcceptAsync();
        await second.ReadAsync<ConnectPacket>();
        await second.SendAsync(new ConnAckPacket(0));
        Assert.Equal("register", (await second.ReadAsync<PublishPacket>()).Topic);
        Assert.False(monitor.Start.IsFaulted, "a register timeout is not a refusal to give up on");
    }
}
