using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Pomelo.Akka.Node.Tests.TestSupport;

namespace Pomelo.Akka.Node.Tests.Commands;

public sealed partial class StartCommandTests
{
    [Fact]
    public async Task MasterAndServerProcesses_FromHocon_RegisterReportTimeAndStopOnSigterm()
    {
        using var config = new ClusterConfig(serverCount: 2);
        await using var master = NodeProcess.Start("master", "--config", config.Path);
        await master.WaitForLineAsync(l => l.Contains("listening on", StringComparison.Ordinal));
        await using var server = NodeProcess.Start("server", "--config", config.Path, "--id", "area-server-2");

        var map = await TimeReportProbe.WaitForServersAsync(config.MasterPort, ["master-test", "area-server-2"]);

        Assert.True(map["area-server-2"] > DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeMilliseconds());
        Assert.Equal(0, await server.TerminateAsync());
        Assert.Equal(0, await master.TerminateAsync());
        Assert.Contains("stopped", master.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_LaunchesEveryConfiguredServer_AndStopsThemAllWithIt()
    {
        using var config = new ClusterConfig(serverCount: 3);
        await using var master = NodeProcess.Start("start", "--config", config.Path);

        await TimeReportProbe.WaitForServersAsync(config.MasterPort, config.ServerIds);
        var pids = StartedPid().Matches(master.Output).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(3, pids.Count);
        Assert.All(pids, pid => Assert.True(NodeProcess.IsAlive(pid)));

        Assert.Equal(0, await master.TerminateAsync());
        Assert.All(pids, pid => Assert.False(NodeProcess.IsAlive(pid), $"server pid {pid} outlived the master"));
    }

    [Fact]
    public async Task MasterStoppedWhileStarting_ExitsCleanly()
    {
        using var config = new ClusterConfig();
        await using var master = NodeProcess.Start("master", "--config", config.Path);

        // "listening on" comes before the master's own monitor has registered: the stop lands in the middle of start.
        await master.WaitForLineAsync(l => l.Contains("listening on", StringComparison.Ordinal));

        Assert.Equal(0, await master.TerminateAsync());
        Assert.Contains("stopped", master.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MasterOnABusyPort_ExitsWithOneClearError()
    {
        using var config = new ClusterConfig();
        using var blocker = new TcpListener(IPAddress.Loopback, config.MasterPort);
        blocker.Start();
        await using var master = NodeProcess.Start("master", "--config", config.Path);

        Assert.Equal(1, await master.WaitForExitAsync());
        Assert.Contains($"error: master master-test cannot listen on 127.0.0.1:{config.MasterPort}", master.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MasterWithABrokenConfig_NamesFileLineAndColumn()
    {
        using var config = new ClusterConfig();
        File.WriteAllText(config.Path, "pomelo {\n  master { port = 3005\n");
        await using var master = NodeProcess.Start("master", "--config", config.Path);

        Assert.Equal(2, await master.WaitForExitAsync());
        Assert.Matches($"error: .*cluster\\.conf:\\d+:\\d+", master.Output);
    }

    [GeneratedRegex(@"as pid (\d+)")]
    private static partial Regex StartedPid();
}
