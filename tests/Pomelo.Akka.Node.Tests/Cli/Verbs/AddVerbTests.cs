using Pomelo.Akka.Node.Tests.Cli.Support;

namespace Pomelo.Akka.Node.Tests.Cli.Verbs;

public sealed class AddVerbTests
{
    [Fact]
    public async Task Add_KeyValues_SendsArgsAndShowsNewServer()
    {
        await using var master = await CliMaster.StartAsync();

        var result = await master.RunAsync("admin", "add", "id=area-server-9", "serverType=area", "host=127.0.0.1", "port=3160");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("""{"signal":"add","args":["id=area-server-9","serverType=area","host=127.0.0.1","port=3160"]}""", master.Console.Requests.Last.Json);
        Assert.Contains("Added server area-server-9 (pid 5151).", result.Out);
    }

    [Fact]
    public async Task Add_ExistingId_ShowsTheMastersErrorWithExit1()
    {
        await using var master = await CliMaster.StartAsync();

        var result = await master.RunAsync("admin", "add", "id=" + CliMaster.MasterId);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: id master-server-1 exists", result.Error);
    }

    [Theory]
    [InlineData("port")]
    [InlineData("=3160")]
    public async Task Add_NotKeyValue_UsageErrorWithExit2(string setting)
    {
        await using var master = await CliMaster.StartAsync();

        var result = await master.RunAsync("admin", "add", "id=x", setting);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is not key=value", result.Error);
        Assert.Empty(master.Console.Requests.All);
    }

    [Fact]
    public async Task Add_AsOperator_DeniedWithExit1()
    {
        await using var master = await CliMaster.StartAsync();

        var result = await master.RunAsync("operator", "add", "id=x");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(StubLevels.Denied, result.Error);
    }
}
