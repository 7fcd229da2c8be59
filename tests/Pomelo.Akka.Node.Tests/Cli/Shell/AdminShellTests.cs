using Pomelo.Akka.Node.Tests.Cli.Support;

namespace Pomelo.Akka.Node.Tests.Cli.Shell;

public sealed class AdminShellTests
{
    [Fact]
    public async Task Shell_UseServer_ChangesPromptAndShowStatusTargetsIt()
    {
        await using var master = await CliMaster.StartAsync(CliMaster.Connector);

        var result = await master.RunAsync(new CliRun { Stdin = "use connector-server-1\nshow status\nget motd\nquit\n" }, "viewer", "shell");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"viewer@127.0.0.1:{master.Port} [all]> use connector-server-1", result.Out);
        Assert.Contains($"viewer@127.0.0.1:{master.Port} [connector-server-1]> show status", result.Out);
        var requests = master.WatchServer.Requests.All;
        Assert.Equal("""{"command":"status","serverId":"connector-server-1"}""", requests[0].Json);
        Assert.Equal("""{"command":"get","serverId":"connector-server-1","key":"motd"}""", requests[1].Json);
        Assert.Contains("connector-server-1", result.Row("serverId"));
    }

    [Fact]
    public async Task Shell_ServerOption_OverridesTheContext()
    {
        await using var master = await CliMaster.StartAsync(CliMaster.Connector);

        await master.RunAsync(new CliRun { Stdin = "use connector-server-1\nshow status --server master-server-1\n" }, "viewer", "shell");

        Assert.Equal("""{"command":"status","serverId":"master-server-1"}""", master.WatchServer.Requests.Last.Json);
    }

    [Fact]
    public async Task Shell_UseAll_GoesBackToTheMaster()
    {
        await using var master = await CliMaster.StartAsync(CliMaster.Connector);

        var result = await master.RunAsync(new CliRun { Stdin = "use connector-server-1\nuse all\nshow status\n" }, "viewer", "shell");

        Assert.Contains($"viewer@127.0.0.1:{master.Port} [all]> show status", result.Out);
        Assert.Equal("""{"command":"status"}""", master.WatchServer.Requests.Last.Json);
    }

    [Fact]
    public async Task Shell_UseUnknownServer_KeepsContextAndPrintsError()
    {
        await using var master = await CliMaster.StartAsync(CliMaster.Connector);

        var result = await master.RunAsync(new CliRun { Stdin = "use connector-server-1\nuse nope-1\nshow status\n" }, "viewer", "shell");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("error: unknown server id: nope-1", result.Error);
        Assert.Contains("[connector-server-1]> show status", result.Out);
    }

    [Fact]
    public async Task Shell_Help_ListsTheVerbs()
    {
        await using var master = await CliMaster.StartAsync();

        var result = await master.RunAsync(new CliRun { Stdin = "help\n" }, "viewer", "shell");

        foreach (var verb in new[] { "list", "stop", "kill", "restart", "add", "blacklist", "module", "show", "get", "set", "run", "time", "use", "history", "help", "quit | exit" })
        {
            Assert.Contains("│ " + verb + " ", result.Out);
        }
    }

    [Fact]
    public async Task Shell_HelpOnVerb_ShowsItsUsage()
    {
        await using var master = await CliMaster.StartAsync();

        var result = await master.RunAsync(new CliRun { Stdin = "help show\n" }, "viewer", "shell");

        Assert.Contains("-s, --server <server>", result.Out);
        Assert.DoesNotContain("--host", result.Out);
    }

    [Fact]
    public async Task Shell_History_PrintsTheLinesEntered()
    {
        await using var master = await CliMaster.StartAsync();

        var result = await master.RunAsync(new CliRun { Stdin = "list\n\ntime\ntime\nhistory\n" }, "viewer", "shell");

        Assert.Contains("   1  list" + Environment.NewLine + "   2  time" + Environment.NewLine + "   3  history", result.Out);
    }

    [Fact]
    public async Task Shell_DestructiveVerbConfirmed_Runs()
    {
        await using var master = await CliMaster.StartAsync();

        var result = await master.RunAsync(new CliRun { Stdin = "stop master-server-1\ny\n" }, "admin", "shell");

        Assert.Contains("Are you sure? [y/N] y", result.Out);
        Assert.Equal("""{"signal":"stop","ids":["master-server-1"]}""", master.Console.Requests.Last.Json);
    }

    [Fact]
    public async Task Shell_DestructiveVerbRefused_AbortsAndContinues()
    {
        await using var master = await CliMaster.StartAsync();

        var result = await master.RunAsync(new CliRun { Stdin = "kill\nno\ntime\n" }, "admin", "shell");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Aborted.", result.Out);
        Assert.DoesNotContain(master.Console.Requests.All, r => r.Json.Contains("kill", StringComparison.Ordinal));
        Assert.Single(master.TimeReport.Requests.All);
    }

    [Fact]
    public async Task Shell_YesOption_SkipsTheQuestion()
    {
        await using var master = await CliMaster.StartAsync();

        var result = await master.RunAsync(new CliRun { Stdin = "kill --yes master-server-1\n" }, "admin", "shell");

        Assert.DoesNotContain("Are you sure?", result.Out);
        Assert.Equal("""{"signal":"kill","ids":["master-server-1"]}""", master.Console.Requests.Last.Json);
    }

    [Fact]
    public async Task Shell_ErrorsAndUsageErrors_ReportedAndTheShellGoesOn()
    {
        await using var master = await CliMaster.StartAsync();

        var result = await master.RunAsync(new CliRun { Stdin = "bogus\nset motd x\nshow config --json\nquit\ntime\n" }, "operator", "shell");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("error: Unrecognized command or argument 'bogus'.", result.Error);
        Assert.DoesNotContain("Required command", result.Error);
        Assert.Contains("error: " + StubLevels.Denied, result.Error);
        Assert.Contains("\"token\": \"***\"", result.Out);
        Assert.Empty(master.TimeReport.Requests.All);
    }

    [Fact]
    public async Task Shell_NoVerb_StartsTheShellAndEndsAtEndOfInput()
    {
        await using var master = await CliMaster.StartAsync();

        var result = await master.RunAsync(new CliRun { Stdin = "time" }, "viewer");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Logged in to", result.Out);
        Assert.Single(master.TimeReport.Requests.All);
    }

    [Fact]
    public async Task Shell_WrongPassword_Exit3()
    {
        await using var master = await CliMaster.StartAsync();

        var result = await new CliRun { Stdin = "list\n" }.RunAsync("-P", master.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-u", "admin", "-p", "nope", "shell");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("cannot log in", result.Error);
    }

    [Fact]
    public async Task Shell_LineEditorOnTerminal_CompletesAndRecallsHistory()
    {
        await using var master = await CliMaster.StartAsync(CliMaster.Connector);
        var keys = new ScriptedKeys()
            .Type("us").Press(ConsoleKey.Tab).Type("con").Press(ConsoleKey.Tab).Press(ConsoleKey.Enter)
            .Type("sh").Press(ConsoleKey.Tab).Type("stat").Press(ConsoleKey.Tab).Press(ConsoleKey.Enter)
            .Press(ConsoleKey.UpArrow).Press(ConsoleKey.Enter)
            .Line("quit");

        var result = await master.RunAsync(new CliRun { Interactive = true, Keys = keys }, "viewer", "shell");

        Assert.Equal(0, result.ExitCode);
        var requests = master.WatchServer.Requests.All;
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.Equal("""{"command":"status","serverId":"connector-server-1"}""", r.Json));
    }

    [Fact]
    public async Task Shell_MasterGoesAway_Exit3WithConnectionLost()
    {
        var master = await CliMaster.StartAsync();
        var input = new FedReader();
        var shell = master.RunAsync(new CliRun { Input = input }, "viewer", "shell");
        input.Feed("list");
        await WaitUntilAsync(() => master.Console.Requests.All.Count == 2);

        await master.DisposeAsync();
        input.Feed("time");
        var result = await shell.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("was lost", result.Error);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(10, deadline.Token);
        }
    }
}
