using Pomelo.Akka.Node.Tests.Cli.Support;

namespace Pomelo.Akka.Node.Tests.Cli.Verbs;

public sealed class StopVerbTests
{
    [Fact]
    public async Task Stop_IdsWithYes_SendsIdsAndShowsStopped()
    {
        await using var master = await CliMaster.StartAsync(CliMaster.Connector);

        var result = await master.RunAsync("admin", "stop", CliMaster.Connector, "--yes");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("""{"signal":"stop","ids":["connector-server-1"]}""", master.Console.Requests.Last.Json);
        Assert.Contains("stopped", result.Row("connector-server-1"));
    }

    [Fact]
    public async Task Stop_NoIds_SendsNoIdsAndStopsEveryServer()
    {
        await using var master = await CliMaster.StartAsync(CliMaster.Connector);

        var result = await master.RunAsync("admin", "stop", "-y");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("""{"signal":"stop"}""", master.Console.Requests.Last.Json);
        Assert.Contains("stopped", result.Row("master-server-1"));
    }

    [Fact]
    public async Task Stop_UnknownServer_ShowsFailureAndExits1()
    {
        await using var master = await CliMaster.StartAsync();

        var result = await master.RunAsync("admin", "stop", "nope-1", "--yes");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("failed: unknown server id:nope-1", result.Out);
        Assert.Contains("1 of 1 server(s) not done", result.Error);
    }

    [Fact]
    public async Task Stop_AsOperator_DeniedWithExit1()
    {
        await using var master = await CliMaster.StartAsync();

        var result = await master.RunAsync("operator", "stop", "--yes");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: " + StubLevels.Denied, result.Error);
        Assert.Equal(2, master.Console.Requests.Last.Level);
    }

    [Fact]
    public async Task Stop_NotInteractiveWithoutYes_RefusesWithExit2AndSendsNothing()
    {
        await using var master = await CliMaster.StartAsync();

        var result = await master.RunAsync("admin", "stop");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("pass --yes", result.Error);
        Assert.Empty(master.Console.Requests.All);
    }

    [Fact]
    public async Task Stop_ConfirmationAnsweredYes_Stops()
    {
        await using var master = await CliMaster.StartAsync();

        var result = await master.RunAsync(new CliRun { Interactive = true, Stdin = "y\n" }, "admin", "stop", CliMaster.MasterId);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("This will stop master-server-1.", result.Out);
        Assert.Contains("Are you sure? [y/N]", result.Out);
        Assert.Equal("""{"signal":"stop","ids":["master-server-1"]}""", master.Console.Requests.Last.Json);
    }

    [Theory]
    [InlineData("n\n")]
    [InlineData("\n")]
    [InlineData("")]
    public async Task Stop_ConfirmationNotAnsweredYes_AbortsWithExit1AndSendsNothing(string answer)
    {
        await using var master = await CliMaster.StartAsync();

        var result = await master.RunAsync(new CliRun { Interactive = true, Stdin = answer }, "admin", "stop");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Aborted.", result.Out);
        Assert.Empty(master.Console.Requests.All);
    }

    [Fact]
    public async Task Stop_Json_PrintsTheReplyBody()
    {
        await using var master = await CliMaster.StartAsync();

        var result = await master.RunAsync("admin", "stop", "--yes", "--json", CliMaster.MasterId);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(CliMaster.MasterId, result.Json().GetProperty("stopped")[0].GetString());
        Assert.Equal(0, result.Json().GetProperty("failed").GetArrayLength());
    }
}
