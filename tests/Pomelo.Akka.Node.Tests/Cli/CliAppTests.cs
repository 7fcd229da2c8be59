using System.Globalization;
using Pomelo.Akka.Node.Cli;
using Pomelo.Akka.Node.Tests.Cli.Support;

namespace Pomelo.Akka.Node.Tests.Cli;

public sealed class CliAppTests
{
    [Fact]
    public async Task RunAsync_WrongPassword_Exit3WithLoginRefused()
    {
        await using var master = await CliMaster.StartAsync();

        var result = await new CliRun().RunAsync("-P", Port(master.Port), "-u", "admin", "-p", "wrong", "list");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains($"error: cannot log in to 127.0.0.1:{master.Port} as admin:", result.Error);
        Assert.Empty(master.Console.Requests.All);
    }

    [Fact]
    public async Task RunAsync_MasterNotRunning_Exit3WithCannotConnect()
    {
        var port = CliMaster.FreePort();

        var result = await new CliRun().RunAsync("--port", Port(port), "--user", "admin", "--password", "admin", "list");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains($"error: cannot connect to 127.0.0.1:{port}", result.Error);
    }

    [Fact]
    public async Task RunAsync_DashH_IsTheHost()
    {
        await using var master = await CliMaster.StartAsync();

        var result = await new CliRun().RunAsync("-h", "127.0.0.2", "-P", Port(master.Port), "-u", "admin", "-p", "admin", "list");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains($"127.0.0.2:{master.Port}", result.Error);
    }

    [Fact]
    public async Task RunAsync_NoUser_UsageErrorWithExit2()
    {
        var result = await new CliRun().RunAsync("-p", "admin", "list");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no user: pass -u/--user or set POMELO_USER", result.Error);
    }

    [Fact]
    public async Task RunAsync_NoPasswordAndNoTerminal_UsageErrorWithExit2()
    {
        var result = await new CliRun().RunAsync("-u", "admin", "list");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no password", result.Error);
    }

    [Fact]
    public async Task RunAsync_NoPasswordOnTerminal_AsksForIt()
    {
        await using var master = await CliMaster.StartAsync();

        var result = await new CliRun { Interactive = true, Stdin = "operator\n" }.RunAsync("-P", Port(master.Port), "-u", "operator", "list");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Password: ", result.Out);
        Assert.Equal("operator", master.Console.Requests.Last.User);
    }

    [Fact]
    public async Task RunAsync_CredentialsFromEnvironment_LogsInAsThatUser()
    {
        await using var master = await CliMaster.StartAsync();
        var run = new CliRun { Variables = { [CliEnvironment.UserVariable] = "operator", [CliEnvironment.PasswordVariable] = "operator" } };

        var result = await run.RunAsync("-P", Port(master.Port), "list");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("operator", master.Console.Requests.Last.User);
        Assert.Equal(2, master.Console.Requests.Last.Level);
    }

    [Fact]
    public async Task RunAsync_OptionsAndEnvironment_OptionsWin()
    {
        await using var master = await CliMaster.StartAsync();
        var run = new CliRun { Variables = { [CliEnvironment.UserVariable] = "operator", [CliEnvironment.PasswordVariable] = "wrong" } };

        var result = await run.RunAsync("-P", Port(master.Port), "-u", "viewer", "-p", "viewer", "list");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("viewer", master.Console.Requests.Last.User);
    }

    [Theory]
    [InlineData("bogus")]
    [InlineData("list", "--bogus")]
    [InlineData("-P", "70000", "list")]
    [InlineData("--timeout", "0", "list")]
    public async Task RunAsync_BadCommandLine_UsageErrorWithExit2(params string[] args)
    {
        var result = await new CliRun().RunAsync(["-u", "admin", "-p", "admin", .. args]);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: ", result.Error);
        Assert.Empty(result.Out);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-?")]
    public async Task RunAsync_Help_ListsVerbsAndDashHAsHost(string help)
    {
        var result = await new CliRun().RunAsync(help);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("-h, --host", result.Out);
        Assert.Contains("-?, --help", result.Out);
        foreach (var verb in new[] { "list", "stop", "kill", "restart", "add", "blacklist", "module", "show", "get", "set", "run", "time", "shell" })
        {
            Assert.Contains(Environment.NewLine + "  " + verb + " ", result.Out);
        }
    }

    [Fact]
    public async Task RunAsync_HelpOnVerb_ShowsGlobalOptionsThere()
    {
        var result = await new CliRun().RunAsync("show", "-?");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("-s, --server <server>", result.Out);
        Assert.Contains("-P, --port <port>", result.Out);
        Assert.Contains("--json", result.Out);
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
}
