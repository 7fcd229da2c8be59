using Pomelo.Akka.Node.Tests.Cli.Support;

namespace Pomelo.Akka.Node.Tests.Cli.Verbs;

public sealed class ListVerbTests
{
    [Fact]
    public async Task List_AsViewer_SendsListSignalAndShowsEveryServer()
    {
        await using var master = await CliMaster.StartAsync(CliMaster.Connector);

        var result = await master.RunAsync("viewer", "list");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("""{"signal":"list"}""", master.Console.Requests.Last.Json);
        Assert.Equal(3, master.Console.Requests.Last.Level);
        Assert.Contains(CliMaster.MasterId, result.Out);
        Assert.Contains(CliMaster.Connector, result.Out);
        Assert.Contains("50.0", result.Out);
        Assert.Contains("01:02:03", result.Out);
    }

    [Fact]
    public async Task List_ServerThatDidNotAnswer_ShownAsNotAnswered()
    {
        await using var master = await CliMaster.StartAsync();

        var result = await master.RunAsync("admin", "list");

        var row = result.Out.Split('\n').Single(l => l.Contains(StubConsoleModule.SilentServer));
        Assert.Contains("not answered: no reply within 3 s", row);
        Assert.Contains("1 did not answer", result.Out);
    }

    [Fact]
    public async Task List_Json_PrintsTheReplyBodyAsOneDocument()
    {
        await using var master = await CliMaster.StartAsync();

        var result = await master.RunAsync("viewer", "list", "--json");

        Assert.Equal(0, result.ExitCode);
        var servers = result.Json().GetProperty("servers").EnumerateArray().ToList();
        Assert.Contains(servers, s => s.GetProperty("id").GetString() == CliMaster.MasterId && s.GetProperty("answered").GetBoolean());
        Assert.Contains(servers, s => s.GetProperty("id").GetString() == StubConsoleModule.SilentServer && !s.GetProperty("answered").GetBoolean());
    }
}
