using Pomelo.Akka.Node.Tests.Cli.Support;

namespace Pomelo.Akka.Node.Tests.Cli.Verbs;

public sealed class KillVerbTests
{
    [Fact]
    public async Task Kill_IdsWithYes_SendsKillSignalAndShowsKilled()
    {
        await using var master = await CliMaster.StartAsync(CliMaster.Connector);

        var result = await master.RunAsync("admin", "kill", "--yes", CliMaster.Connector);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("""{"signal":"kill","ids":["connector-server-1"]}""", master.Console.Requests.Last.Json);
        Assert.Contains("killed", result.Row("connector-server-1"));
    }

    [Fact]
    public async Task Kill_ServerNotAnswering_ShownAndExits1()
    {
        await using var master = await CliMaster.StartAsync();

        var result = await master.RunAsync("admin", "kill", "--yes", "gone-1");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("not answered", result.Row("gone-1"));
    }

    [Fact]
    public async Task Kill_AsViewer_DeniedWithExit1()
    {
        await using var master = await CliMaster.StartAsync();

        var result = await master.RunAsync("viewer", "kill", "--yes");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(StubLevels.Denied, result.Error);
    }

    [Fact]
    public async Task Kill_NotInteractiveWithoutYes_RefusesWithExit2()
    {
        await using var master = await CliMaster.StartAsync();

        var result = await master.RunAsync("admin", "kill", CliMaster.MasterId);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("pass --yes", result.Error);
        Assert.Empty(master.Console.Requests.All);
    }
}
