using Pomelo.Akka.Node.Tests.Cli.Support;

namespace Pomelo.Akka.Node.Tests.Cli.Verbs;

public sealed class ShowVerbTests
{
    [Theory]
    [InlineData("servers", "connector-server-1")]
    [InlineData("connections", "totalConnCount")]
    [InlineData("logins", "10.0.0.7")]
    [InlineData("modules", "pull")]
    [InlineData("status", "1d 01:01:01")]
    [InlineData("config", "pomelo.master.port")]
    [InlineData("components", "session")]
    [InlineData("settings", "maxConnections")]
    public async Task Show_EachView_SendsCommandAndShowsItsData(string view, string expected)
    {
        await using var master = await CliMaster.StartAsync(CliMaster.Connector);

        var result = await master.RunAsync("admin", "show", view);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal($$"""{"command":"{{view}}"}""", master.WatchServer.Requests.Last.Json);
        Assert.Contains(expected, result.Out);
    }

    [Fact]
    public async Task Show_Server_SendsServerId()
    {
        await using var master = await CliMaster.StartAsync(CliMaster.Connector);

        var result = await master.RunAsync("viewer", "show", "status", "--server", CliMaster.Connector);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("""{"command":"status","serverId":"connector-server-1"}""", master.WatchServer.Requests.Last.Json);
        Assert.Contains("100.0", result.Row("rss (MB)"));
    }

    [Fact]
    public async Task Show_UnknownServer_ClearErrorWithExit1()
    {
        await using var master = await CliMaster.StartAsync();

        var result = await master.RunAsync("viewer", "show", "status", "-s", "nope-1");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: unknown server id:nope-1", result.Error);
    }

    [Fact]
    public async Task Show_ConfigAsViewer_DeniedWithExit1()
    {
        await using var master = await CliMaster.StartAsync();

        var result = await master.RunAsync("viewer", "show", "config");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(StubLevels.Denied, result.Error);
        Assert.Equal(3, master.WatchServer.Requests.Last.Level);
    }

    [Fact]
    public async Task Show_UnknownView_UsageErrorWithExit2()
    {
        await using var master = await CliMaster.StartAsync();

        var result = await master.RunAsync("admin", "show", "everything");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("everything", result.Error);
        Assert.Empty(master.WatchServer.Requests.All);
    }

    [Fact]
    public async Task Show_Json_PrintsTheReplyBody()
    {
        await using var master = await CliMaster.StartAsync();

        var result = await master.RunAsync("viewer", "--json", "show", "status");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(CliMaster.MasterId, result.Json().GetProperty("serverId").GetString());
        Assert.Equal(StubWatchServerModule.StatusRss, result.Json().GetProperty("rss").GetInt64());
    }
}
