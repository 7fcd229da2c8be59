using Pomelo.Akka.Console;
using Pomelo.Akka.Errors;
using Pomelo.Akka.Tests.Scenarios.Modules;
using Pomelo.Akka.Tests.TestSupport;

namespace Pomelo.Akka.Tests.Scenarios;

public sealed class SupervisionTests
{
    [Fact]
    public async Task ModuleThatThrowsOnEveryMessage_IsRestartedThenMarkedFailed_WhileAnotherModuleKeepsAnswering()
    {
        var time = new FakeTimeProvider();
        var built = 0;
        await using var master = await TestCluster.StartMasterAsync(
            b => b.AddAdminModule<EchoModule>().AddAdminModule(ThrowingModule.Id, _ =>
            {
                Interlocked.Increment(ref built);
                return new ThrowingModule();
            }),
            configure: o => o.RunOwnMonitor = false,
            time: time,
            supervision: o =>
            {
                o.FailuresBeforeRestart = 2;
                o.MaxRestarts = 2;
                o.MinBackoff = TimeSpan.FromSeconds(1);
            });
        await using var client = await TestCluster.ConnectClientAsync(master.Port);

        for (var round = 1; round <= 3; round++)
        {
            for (var i = 0; i < 2; i++)
            {
                var error = await Assert.ThrowsAsync<AdminRemoteException>(() => client.RequestAsync(ThrowingModule.Id, new { }));
                Assert.Equal("boom in client handler", error.Message);
            }

            var echo = await client.RequestAsync(EchoModule.Id, new { round });
            Assert.Equal(round, echo!.Value.GetProperty("received").GetProperty("round").GetInt32());
            if (round < 3)
            {
                await Eventually.TrueAsync(() => Status(master).State == ModuleState.Restarting, "the module is waiting out its back-off");
                time.Advance(TimeSpan.FromSeconds(round == 1 ? 1 : 2));
                await Eventually.TrueAsync(() => Status(master).State == ModuleState.Running, "the module was recreated");
            }
        }

        Assert.Equal(ModuleState.Failed, Status(master).State);
        Assert.Equal(3, built);
        Assert.Equal(2, Status(master).Restarts);
        var failed = await Assert.ThrowsAsync<AdminRemoteException>(() => client.RequestAsync(ThrowingModule.Id, new { }));
        Assert.StartsWith("module thrower has failed", failed.Message);
        Assert.NotNull(await client.RequestAsync(EchoModule.Id, new { after = true }));
        var list = await client.CommandAsync("list");
        Assert.Contains(list!.Value.GetProperty("details").EnumerateArray(), d => d.GetProperty("id").GetString() == ThrowingModule.Id && d.GetProperty("state").GetInt32() == (int)ModuleState.Failed);
    }

    private static ModuleStatus Status(MasterNode master) => master.Service.Console.ListModules().Single(m => m.Id == ThrowingModule.Id);
}
