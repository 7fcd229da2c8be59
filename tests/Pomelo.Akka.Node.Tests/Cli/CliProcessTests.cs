using System.Globalization;
using Pomelo.Akka.Node.Tests.Cli.Support;

namespace Pomelo.Akka.Node.Tests.Cli;

/// <summary>The real <c>pomelo-akka</c> executable against an in-process master with the stub modules.</summary>
public sealed class CliProcessTests
{
    [Fact]
    public async Task Executable_ListJson_PrintsParseableReplyAndExits0()
    {
        await using var master = await CliMaster.StartAsync(CliMaster.Connector);

        var result = await CliProcess.RunAsync(string.Empty, null, "list", "--json", "-P", Port(master), "-u", "viewer", "-p", "viewer");

        Assert.True(result.ExitCode == 0, result.ToString());
        var ids = result.Json().GetProperty("servers").EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToList();
        Assert.Contains(CliMaster.Connector, ids);
        Assert.Contains(CliMaster.MasterId, ids);
    }

    [Fact]
    public async Task Executable_ShellThroughStdinWithEnvironmentCredentials_UsesContextAndQuits()
    {
        await using var master = await CliMaster.StartAsync(CliMaster.Connector);
        var environment = new Dictionary<string, string> { ["POMELO_USER"] = "operator", ["POMELO_PASSWORD"] = "operator" };

        var result = await CliProcess.RunAsync("use connector-server-1\nshow status\nstop\nn\nquit\n", environment, "-P", Port(master));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"operator@127.0.0.1:{Port(master)} [connector-server-1]> show status", result.Out);
        Assert.Equal("""{"command":"status","serverId":"connector-server-1"}""", master.WatchServer.Requests.Last.Json);
        Assert.Contains("Aborted.", result.Out);
        Assert.DoesNotContain(master.Console.Requests.All, r => r.Json.Contains("stop", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Executable_StopWithoutYesFromAPipe_RefusesWithExit2()
    {
        var result = await CliProcess.RunAsync("y\n", null, "stop", "-u", "admin", "-p", "admin", "-P", CliProcess.Port(CliMaster.FreePort()));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("pass --yes", result.Error);
    }

    private static string Port(CliMaster master) => master.Port.ToString(CultureInfo.InvariantCulture);
}
