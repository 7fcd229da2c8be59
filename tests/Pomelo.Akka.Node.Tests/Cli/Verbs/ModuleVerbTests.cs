using Pomelo.Akka.Node.Tests.Cli.Support;

namespace Pomelo.Akka.Node.Tests.Cli.Verbs;

public sealed class ModuleVerbTests
{
    [Fact]
    public async Task ModuleList_AsViewer_ShowsTheMastersModules()
    {
        await using var master = await CliMaster.StartAsync();

        var result = await master.RunAsync("viewer", "module", "list");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("running", result.Row("watchServer"));
        Assert.Contains("true", result.Row("timeReport"));
    }

    [Fact]
    public async Task ModuleList_Json_PrintsModulesAndDetails()
    {
        await using var master = await CliMaster.StartAsync();

        var result = await master.RunAsync("viewer", "module", "list", "--json");

        Assert.Equal(0, result.ExitCode);
        var modules = result.Json().GetProperty("modules").EnumerateArray().Select(m => m.GetString()).ToList();
        Assert.Contains("timeReport", modules);
        Assert.DoesNotContain("__console__", modules);
        Assert.Contains(result.Json().GetProperty("details").EnumerateArray(), d => d.GetProperty("id").GetString() == "__console__");
    }

    [Fact]
    public async Task ModuleEnable_WithServer_SendsModuleIdAndServerId()
    {
        await using var master = await CliMaster.StartAsync(CliMaster.Connector);

        var result = await master.RunAsync("admin", "module", "enable", "timeReport", "--server", CliMaster.Connector);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("""{"signal":"enable","moduleId":"timeReport","serverId":"connector-server-1"}""", master.Console.Requests.Last.Json);
        Assert.Contains("Module timeReport enabled on connector-server-1.", result.Out);
    }

    [Fact]
    public async Task ModuleDisable_WithoutServer_SendsNoServerId()
    {
        await using var master = await CliMaster.StartAsync();

        var result = await master.RunAsync("admin", "module", "disable", "timeReport");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("""{"signal":"disable","moduleId":"timeReport"}""", master.Console.Requests.Last.Json);
        Assert.Contains("Module timeReport disabled on every server.", result.Out);
    }

    [Theory]
    [InlineData("enable")]
    [InlineData("disable")]
    public async Task ModuleSwitch_AsOperator_DeniedWithExit1(string verb)
    {
        await using var master = await CliMaster.StartAsync();

        var result = await master.RunAsync("operator", "module", verb, "timeReport");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(StubLevels.Denied, result.Error);
    }

    [Fact]
    public async Task Module_NoSubcommand_UsageErrorWithExit2()
    {
        await using var master = await CliMaster.StartAsync();

        var result = await master.RunAsync("admin", "module");

        Assert.Equal(2, result.ExitCode);
    }
}
