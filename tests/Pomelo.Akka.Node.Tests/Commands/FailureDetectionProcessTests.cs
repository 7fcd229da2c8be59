using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Pomelo.Akka.Node.Tests.TestSupport;
using Xunit.Abstractions;

namespace Pomelo.Akka.Node.Tests.Commands;

public sealed partial class FailureDetectionProcessTests(ITestOutputHelper output)
{
    [Fact]
    public async Task StoppedServerIsUnreachableWithinSixSeconds_ContinuedIsReachable_KilledIsRemovedAfterTheMargin()
    {
        using var config = new ClusterConfig(serverCount: 3, intervalSeconds: 5, extra: "cluster { removalMargin = 3s }");
        await using var master = NodeProcess.Start("start", "--config", config.Path);
        await TimeReportProbe.WaitForServersAsync(config.MasterPort, config.ServerIds);
        var pids = StartedPid().Matches(master.Output).ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
        await master.WaitForLineAsync(l => l.Contains("startOver", StringComparison.Ordinal));
        var stopped = "connector-server-1";
        var killed = "area-server-2";

        var clock = Stopwatch.StartNew();
        master.Signal("STOP", pids[stopped]);
        await master.WaitForLineAsync(l => l.Contains($"Member {stopped}", StringComparison.Ordinal) && l.Contains("is Unreachable", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        var toUnreachable = clock.Elapsed;
        for (var node = 0; node < 2; node++)
        {
            await master.WaitForLineAsync(l => l.Contains($"Server map: removeServer {stopped}", StringComparison.Ordinal));
        }

        var toMaps = clock.Elapsed;
        master.Signal("CONT", pids[stopped]);
        await master.WaitForLineAsync(l => l.Contains($"Member {stopped} is Reachable again", StringComparison.Ordinal), TimeSpan.FromSeconds(10));

        clock.Restart();
        master.Signal("KILL", pids[killed]);
        await master.WaitForLineAsync(l => l.Contains($"Member {killed}", StringComparison.Ordinal) && l.Contains("is Unreachable", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        var closeToUnreachable = clock.Elapsed;
        for (var node = 0; node < 2; node++)
        {
            await master.WaitForLineAsync(l => l.Contains($"Server map: removeServer {killed}", StringComparison.Ordinal));
        }

        var closeToLastMap = clock.Elapsed;
        await master.WaitForLineAsync(l => l.Contains($"Member {killed}", StringComparison.Ordinal) && l.Contains("Removed", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        var closeToRemoved = clock.Elapsed;

        output.WriteLine($"SIGSTOP -> Unreachable: {toUnreachable.TotalSeconds:0.000} s; -> other maps updated: {toMaps.TotalSeconds:0.000} s");
        output.WriteLine($"SIGKILL (socket close) -> Unreachable: {closeToUnreachable.TotalMilliseconds:0.0} ms; -> last map updated: {closeToLastMap.TotalMilliseconds:0.0} ms; -> Removed: {closeToRemoved.TotalSeconds:0.000} s");
        await File.AppendAllTextAsync(Path.Combine(Path.GetTempPath(), "pomelo-akka-failure-detection.txt"), $"stop->unreachable {toUnreachable.TotalSeconds:0.000}s; stop->maps {toMaps.TotalSeconds:0.000}s; close->unreachable {closeToUnreachable.TotalMilliseconds:0.0}ms; close->last map {closeToLastMap.TotalMilliseconds:0.0}ms; close->removed {closeToRemoved.TotalSeconds:0.000}s\n");
        Assert.InRange(toUnreachable.TotalSeconds, 3.0, 6.0);
        Assert.InRange(closeToRemoved.TotalSeconds, 3.0, 8.0);
        Assert.True(NodeProcess.IsAlive(pids[stopped]));
        Assert.Equal(0, await master.TerminateAsync());
        Assert.All(pids.Values, pid => Assert.False(NodeProcess.IsAlive(pid), $"pid {pid} outlived the master"));
    }

    [GeneratedRegex(@"Started server (\S+) \(\w+\) as pid (\d+)")]
    private static partial Regex StartedPid();
}
