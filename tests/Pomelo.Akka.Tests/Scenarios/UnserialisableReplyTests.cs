using System.Text.Json;
using Pomelo.Akka.Console;
using Pomelo.Akka.Errors;
using Pomelo.Akka.Master;
using Pomelo.Akka.Tests.TestSupport;

namespace Pomelo.Akka.Tests.Scenarios;

/// <summary>A module's reply that cannot be serialised is answered with an error (sent from the module actor), never left hanging.</summary>
public sealed class UnserialisableReplyTests
{
    private const string ModuleId = "badReply";

    [Fact]
    public async Task MonitorRequestsModuleWhoseReplyCannotBeSerialised_GetsAnErrorReply_AndTheNextRequestWorks()
    {
        await using var master = await TestCluster.StartMasterAsync(b => b.AddAdminModule(new BadReplyModule(), ModuleId), o => o.RunOwnMonitor = false);
        await using var monitor = await TestCluster.StartMonitorAsync(master.Port, "area-1", "area");

        var ex = await Assert.ThrowsAsync<AdminRemoteException>(() => monitor.Agent.RequestAsync(ModuleId, new { bad = true }).WaitAsync(Wait.Timeout));
        var ok = await monitor.Agent.RequestAsync(ModuleId, new { bad = false }).WaitAsync(Wait.Timeout);

        Assert.StartsWith("reply could not be serialised: ", ex.Message, StringComparison.Ordinal);
        Assert.Equal("fine", ok!.Value.GetString());
    }

    private sealed class BadReplyModule : IMasterHandler
    {
        public ValueTask<object?> MasterHandlerAsync(IMasterAgent agent, JsonElement? message, CancellationToken cancellationToken)
            => ValueTask.FromResult<object?>(message!.Value.GetProperty("bad").GetBoolean() ? new Throwing() : "fine");
    }

    private sealed class Throwing
    {
        public int Value => throw new InvalidOperationException("no");
    }
}
