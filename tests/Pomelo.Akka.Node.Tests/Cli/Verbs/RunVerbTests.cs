using Pomelo.Akka.Node.Tests.Cli.Support;

namespace Pomelo.Akka.Node.Tests.Cli.Verbs;

public sealed class RunVerbTests
{
    [Fact]
    public async Task Run_AsAdmin_SendsExpressionAndPrintsResult()
    {
        await using var master = await CliMaster.StartAsync();

        var result = await master.RunAsync("admin", "run", "app.Get(\"x\") + 1");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("""{"command":"run","expression":"app.Get(\u0022x\u0022) \u002B 1"}""", master.WatchServer.Requests.Last.Json);
        Assert.Contains("ran app.Get(\"x\") + 1", result.Out);
    }

    [Theory]
    [InlineData("operator")]
    [InlineData("viewer")]
    public async Task Run_BelowAdmin_DeniedWithExit1(string user)
    {
        await using var master = await CliMaster.StartAsync();

        var result = await master.RunAsync(user, "run", "1+1");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(StubLevels.Denied, result.Error);
    }
}
