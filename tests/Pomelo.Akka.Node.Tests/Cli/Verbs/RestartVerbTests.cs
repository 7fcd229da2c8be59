using Pomelo.Akka.Node.Tests.Cli.Support;

namespace Pomelo.Akka.Node.Tests.Cli.Verbs;

public sealed class RestartVerbTests
{
    [Fact]
    public async Task Restart_Ids_SendsIdsAndShowsNewPid()
    {
        await using var master = await CliMaster.StartAsync(CliMaster.Connector);

        var result = await master.RunAsync("admin", "restart", "--yes", CliMaster.Connector);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("""{"signal":"restart","ids":["connector-server-1"]}""", master.Console.Requests.Last.Json);
        Assert.Contains("restarted (pid 4242)", result.Out);
    }

    [Fact]
    public async Task Restart_Type_SendsType()
    {
        await using var master = await CliMaster.StartAsync(CliMaster.Connector);

        var result = await master.RunAsync("admin", "restart", "--type", "connector", "--yes");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("""{"signal":"restart","type":"connector"}""", master.Console.Requests.Last.Json);
        Assert.Contains(CliMaster.Connector, result.Out);
    }

    [Fact]
    public async Task Restart_NeitherIdsNorType_UsageErrorWithExit2()
    {
        await using var master = await CliMaster.StartAsync();

        var result = await master.RunAsync("admin", "restart", "--yes");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("restart needs server ids or --type", result.Error);
        Assert.Empty(master.Console.Requests.All);
    }

    [Fact]
    public async Task Restart_AsOperator_DeniedWithExit1()
    {
        await using var master = await CliMaster.StartAsync();

        var result = await master.RunAsync("operator", "restart", "--yes", CliMaster.MasterId);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(StubLevels.Denied, result.Error);
    }

    [Fact]
    public async Task Restart_WithoutYesNotInteractive_RefusesWithExit2()
    {
        await using var master = await CliMaster.StartAsync();

        var result = await master.RunAsync("admin", "restart", "--type", "connector");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("every server of type connector", result.Error);
    }
}
