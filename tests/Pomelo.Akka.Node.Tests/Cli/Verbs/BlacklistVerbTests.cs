using Pomelo.Akka.Node.Tests.Cli.Support;

namespace Pomelo.Akka.Node.Tests.Cli.Verbs;

public sealed class BlacklistVerbTests
{
    [Fact]
    public async Task Blacklist_AsOperator_SendsAddressesAndShowsFrontends()
    {
        await using var master = await CliMaster.StartAsync();

        var result = await master.RunAsync("operator", "blacklist", "1.2.3.4", "::1");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("""{"signal":"blacklist","args":["1.2.3.4","::1"]}""", master.Console.Requests.Last.Json);
        Assert.Contains("Blacklisted 1.2.3.4, ::1 on connector-server-1.", result.Out);
    }

    [Fact]
    public async Task Blacklist_InvalidAddress_ShowsTheMastersErrorWithExit1()
    {
        await using var master = await CliMaster.StartAsync();

        var result = await master.RunAsync("admin", "blacklist", "1.2.3.4", "not-an-ip");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: invalid address: not-an-ip", result.Error);
    }

    [Fact]
    public async Task Blacklist_AsViewer_DeniedWithExit1()
    {
        await using var master = await CliMaster.StartAsync();

        var result = await master.RunAsync("viewer", "blacklist", "1.2.3.4");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(StubLevels.Denied, result.Error);
    }

    [Fact]
    public async Task Blacklist_NoAddress_UsageErrorWithExit2()
    {
        await using var master = await CliMaster.StartAsync();

        var result = await master.RunAsync("admin", "blacklist");

        Assert.Equal(2, result.ExitCode);
    }
}
