using Pomelo.Akka.Node.Tests.Cli.Support;

namespace Pomelo.Akka.Node.Tests.Cli.Verbs;

public sealed class SetVerbTests
{
    [Fact]
    public async Task Set_AsAdmin_SendsKeyValueAndServerId()
    {
        await using var master = await CliMaster.StartAsync(CliMaster.Connector);

        var result = await master.RunAsync("admin", "set", "motd", "hello world", "--server", CliMaster.Connector);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("""{"command":"set","serverId":"connector-server-1","key":"motd","value":"hello world"}""", master.WatchServer.Requests.Last.Json);
        Assert.Contains("Set motd = hello world on connector-server-1.", result.Out);
    }

    [Fact]
    public async Task Set_AsOperator_DeniedWithExit1()
    {
        await using var master = await CliMaster.StartAsync();

        var result = await master.RunAsync("operator", "set", "motd", "x");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(StubLevels.Denied, result.Error);
    }
}
