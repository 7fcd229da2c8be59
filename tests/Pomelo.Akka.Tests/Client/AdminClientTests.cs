using Pomelo.Akka.Errors;
using Pomelo.Akka.Modules.Console;
using Pomelo.Akka.Tests.TestSupport;

namespace Pomelo.Akka.Tests.Client;

public sealed class AdminClientTests
{
    [Fact]
    public async Task RequestAsync_AfterTheMasterWentAway_FailsAtOnce_NotAtItsDeadline()
    {
        var master = await TestCluster.StartMasterAsync();
        await using var client = await TestCluster.ConnectClientAsync(master.Port);
        Assert.NotNull(await client.RequestAsync(ConsoleModule.Id, new { signal = "list" }));

        await master.DisposeAsync();
        await Eventually.TrueAsync(() => !client.IsConnected, "the client saw the master leave");

        // The configured deadline is far beyond the wait: only an immediate failure passes.
        var request = client.RequestAsync(ConsoleModule.Id, new { signal = "list" }, TimeSpan.FromMinutes(5));
        var command = client.CommandAsync("list", timeout: TimeSpan.FromMinutes(5));
        await Assert.ThrowsAsync<PeerDisconnectedException>(() => request.WaitAsync(TimeSpan.FromSeconds(10)));
        await Assert.ThrowsAsync<PeerDisconnectedException>(() => command.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    public async Task ConnectAsync_ByAddressOrByName_LogsIn(string host)
    {
        await using var master = await TestCluster.StartMasterAsync();

        // An address is connected to directly; a name is resolved (localhost may give ::1 first: the next address is tried).
        await using var client = await Pomelo.Akka.Client.AdminClient.ConnectAsync(
            new Pomelo.Akka.Client.AdminClientOptions { Host = host, Port = master.Port, Username = "admin", Password = "admin" });

        Assert.NotNull(await client.RequestAsync(ConsoleModule.Id, new { signal = "list" }));
    }

    [Fact]
    public async Task RequestAsync_WithABodyThatCannotBeSerialised_FailsThatRequest_AndTheClientGoesOn()
    {
        await using var master = await TestCluster.StartMasterAsync();
        await using var client = await TestCluster.ConnectClientAsync(master.Port);

        var bad = client.RequestAsync(ConsoleModule.Id, new { signal = "list", self = new Loop() });

        var error = await Assert.ThrowsAsync<AdminRequestException>(() => bad.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.StartsWith("request could not be sent", error.Message, StringComparison.Ordinal);
        Assert.NotNull(await client.RequestAsync(ConsoleModule.Id, new { signal = "list" }));
    }

    private sealed class Loop
    {
        public Loop Self => this;
    }
}
