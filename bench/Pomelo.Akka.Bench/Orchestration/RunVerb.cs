using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pomelo.Akka.Bench.Wire;

namespace Pomelo.Akka.Bench.Orchestration;

/// <summary>
/// <c>run --side ours|pomelo [--quick] [--out file.json] [--peer dir] [--logs dir] [--only rr,cluster,membership]
/// [--sizes 500,2000] [--repeats n] [--close-repeats n]</c>: runs every scenario against one side and writes the raw
/// results (every repetition) as JSON. <c>--sizes</c>, <c>--repeats</c> and <c>--close-repeats</c> override the mode's
/// cluster sizes, repetitions and socket-close rounds.
/// </summary>
internal static class RunVerb
{
    public static async Task<int> RunAsync(Args args)
    {
        var benchDir = FindBenchDirectory();
        var config = new RunConfig(args.Has("quick"))
        {
            FlowsOverride = args.Str("sizes") is { } sizeList ? [sizeList.Split(',').Select(v => int.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray()] : null,
            RepeatsOverride = args.Has("repeats") ? args.Int("repeats") : null,
            CloseRepeatsOverride = args.Has("close-repeats") ? args.Int("close-repeats") : null,
        };
        var sideName = args.Str("side", "ours");
        var side = Side.Create(sideName, Path.GetFullPath(args.Str("peer", Path.Combine(benchDir, "peer"))));
        var mode = config.Quick ? "quick" : "full";
        var resultsDir = Path.Combine(benchDir, "results");
        var output = Path.GetFullPath(args.Str("out", Path.Combine(resultsDir, $"{sideName}-{mode}.json")));
        var logs = Path.GetFullPath(args.Str("logs", Path.Combine(resultsDir, "logs", $"{sideName}-{mode}")));
        var only = args.Str("only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        if (Directory.Exists(logs))
        {
            Directory.Delete(logs, recursive: true);
        }

        var results = new JsonObject
        {
            ["side"] = sideName,
            ["mode"] = mode,
            ["started"] = DateTimeOffset.UtcNow.ToString("O"),
            ["machine"] = new JsonObject
            {
                ["cores"] = Environment.ProcessorCount,
                ["os"] = RuntimeInformation.OSDescription,
                ["dotnet"] = RuntimeInformation.FrameworkDescription,
                ["node"] = NodeVersion(),
            },
            ["scenarios"] = new JsonObject(),
            ["errors"] = new JsonArray(),
        };

        System.Console.CancelKeyPress += (_, _) => Child.KillAll();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Child.KillAll();
        var scenarios = new Scenarios(side, config, logs, results);
        var clock = Stopwatch.StartNew();
        await Step("rr", scenarios.RequestReplyAndNotifyAsync);
        for (var r = 0; r < config.ClusterRepeats; r++)
        {
            foreach (var sizes in config.ClusterFlows)
            {
                await Step("cluster", () => scenarios.ClusterAsync(sizes));
            }
        }

        await Step("membership", scenarios.MembershipAsync);
        Child.KillAll();
        results["seconds"] = Math.Round(clock.Elapsed.TotalSeconds, 1);
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        await File.WriteAllTextAsync(output, results.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        System.Console.Error.WriteLine($"[{sideName}] {mode} run done in {clock.Elapsed.TotalSeconds:0} s; results in {output}, logs in {logs}");
        return 0;

        async Task Step(string name, Func<Task> step)
        {
            if (only is not null && !only.Contains(name))
            {
                return;
            }

            try
            {
                await step();
            }
            catch (Exception ex)
            {
                System.Console.Error.WriteLine($"[{sideName}] {name} failed: {ex.Message}");
                ((JsonArray)results["errors"]!).Add($"{name}: {ex.GetType().Name}: {ex.Message}");
                Child.KillAll();
            }
        }
    }

    /// <summary>Finds the <c>bench</c> folder: from the working directory or the executable's, upwards.</summary>
    public static string FindBenchDirectory()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (Directory.Exists(Path.Combine(dir.FullName, "bench", "peer")))
                {
                    return Path.Combine(dir.FullName, "bench");
                }

                if (dir.Name == "bench" && Directory.Exists(Path.Combine(dir.FullName, "peer")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException("cannot find the bench folder (with peer/) above " + Environment.CurrentDirectory);
    }

    private static string? NodeVersion()
    {
        try
        {
            using var node = Process.Start(new ProcessStartInfo("node", "--version") { RedirectStandardOutput = true, UseShellExecute = false });
            var version = node!.StandardOutput.ReadToEnd().Trim();
            node.WaitForExit();
            return version;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
