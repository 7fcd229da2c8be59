using Pomelo.Akka.Node.Tests.Cli.Support;

namespace Pomelo.Akka.Node.Tests.Cli.Verbs;

public sealed class TimeVerbTests
{
    [Fact]
    public async Task Time_AsViewer_ShowsEachServersTimeAsIsoLocalTime()
    {
        await using var master = await CliMaster.StartAsync(CliMaster.Connector);

        var result = await master.RunAsync("viewer", "time");

        Assert.Equal(0, result.ExitCode);
        Assert.Single(master.TimeReport.Requests.All);
        Assert.Contains("2023-11-14T22:13:20.000+00:00", result.Row(CliMaster.Connector));
        Assert.Contains("2023-11-14T22:13:20.000+00:00", result.Row(CliMaster.MasterId));
    }

    [Fact]
    public async Task Time_Json_PrintsServerToUnixMillis()
    {
        await using var master = await CliMaster.StartAsync();

        var result = await master.RunAsync("viewer", "time", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(StubTimeReportModule.Time, result.Json().GetProperty(CliMaster.MasterId).GetInt64());
    }
}
