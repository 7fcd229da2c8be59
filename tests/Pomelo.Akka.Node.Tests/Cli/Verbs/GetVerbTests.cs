using Pomelo.Akka.Node.Tests.Cli.Support;

namespace Pomelo.Akka.Node.Tests.Cli.Verbs;

public sealed class GetVerbTests
{
    [Fact]
    public async Task Get_KeyOnServer_SendsKeyAndServerIdAndShowsValue()
    {
        await using var master = await CliMaster.StartAsync(CliMaster.Connector);

        var result = await master.RunAsync("viewer", "get", "motd", "--server", CliMaster.Connector);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("""{"command":"get","serverId":"connector-server-1","key":"motd"}""", master.WatchServer.Requests.Last.Json);
        Assert.Contains("motd = value-of-motd", result.Out);
    }

    [Fact]
    public async Task Get_UnknownServer_ClearErrorWithExit1()
    {
        await using var master = await CliMaster.StartAsync();

        var result = await master.RunAsync("viewer", "get", "motd", "--server", "nope-1");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("unknown server id:nope-1", result.Error);
    }

    [Fact]
    public async Task Get_NoKey_UsageErrorWithExit2()
    {
        await using var master = await CliMaster.StartAsync();

        var result = await master.RunAsync("viewer", "get");

        Assert.Equal(2, result.ExitCode);
    }
}
