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

        // The master logs a member's Unreachable after it has published it, so the servers' map lines (relayed through
        // the master's output) may come before or after that line.
        var clock = Stopwatch.GetTimestamp();
        master.Signal("STOP", pids[stopped]);
        var seen = await master.WaitForLinesAsync(Unreachable(stopped), TimeSpan.FromSeconds(10));
        var toUnreachable = Stopwatch.GetElapsedTime(clock, seen[0]);
        var toMaps = Stopwatch.GetElapsedTime(clock, seen.Max());
        master.Signal("CONT", pids[stopped]);
        await master.WaitForLineAsync(l => l.Contains($"Member {stopped} is Reachable again", StringComparison.Ordinal), TimeSpan.FromSeconds(10));

        clock = Stopwatch.GetTimestamp();
        master.Signal("KILL", pids[killed]);
        seen = await master.WaitForLinesAsync(Unreachable(killed), TimeSpan.FromSeconds(10));
        var closeToUnreachable = Stopwatch.GetElapsedTime(clock, seen[0]);
        var closeToLastMap = Stopwatch.GetElapsedTime(clock, seen.Max());
        await master.WaitForLineAsync(l => l.Contains($"Member {killed}", StringComparison.Ordinal) && l.Contains("Removed", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        var closeToRemoved = Stopwatch.GetElapsedTime(clock);

        output.WriteLine($"SIGSTOP -> Unreachable: {toUnreachable.TotalSeconds:0.000} s; -> other maps updated: {toMaps.TotalSeconds:0.000} s");
        output.WriteLine($"SIGKILL (socket close) -> Unreachable: {closeToUnreachable.TotalMilliseconds:0.0} ms; -> last map updated: {closeToLastMap.TotalMilliseconds:0.0} ms; -> Removed: {closeToRemoved.TotalSeconds:0.000} s");
        await File.AppendAllTextAsync(Path.Combine(Path.GetTempPath(), "pomelo-akka-failure-detection.txt"), $"stop->unreachable {toUnreachable.TotalSeconds:0.000}s; stop->maps {toMaps.TotalSeconds:0.000}s; close->unreachable {closeToUnreachable.TotalMilliseconds:0.0}ms; close->last map {closeToLastMap.TotalMilliseconds:0.0}ms; close->removed {closeToRemoved.TotalSeconds:0.000}s\n");
        Assert.InRange(toUnreachable.TotalSeconds, 3.0, 6.0);
        Assert.InRange(closeToRemoved.TotalSeconds, 3.0, 8.0);
        Assert.True(NodeProcess.IsAlive(pids[stopped]));
        Assert.Equal(0, await master.TerminateAsync());
        Assert.All(pids.Values, pid => Assert.False(NodeProcess.IsAlive(pid), $"pid {pid} outlived the master"));
    }

    /// <summary>The master's Unreachable line for <paramref name="id"/>, then two other servers' map lines dropping it.</summary>
    private static Func<string, bool>[] Unreachable(string id) =>
    [
        l => l.Contains($"Member {id}", StringComparison.Ordinal) && l.Contains("is Unreachable", StringComparison.Ordinal),
        l => l.Contains($"Server map: removeServer {id}", StringComparison.Ordinal),
        l => l.Contains($"Server map: removeServer {id}", StringComparison.Ordinal),
    ];

    [GeneratedRegex(@"Started server (\S+) \(\w+\) as pid (\d+)")]
    private static partial Regex StartedPid();
}
