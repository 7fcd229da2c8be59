using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Pomelo.Akka.Bench.Wire;

namespace Pomelo.Akka.Bench.Orchestration;

/// <summary>
/// <c>table --pomelo pomelo.json --ours ours.json [--md out.md] [--check]</c>: one Markdown table — scenario,
/// pomelo (pomelo-admin 1.0.1 with pomelo 2.2.7's console and watchdog modules), ours, ratio (ours / pomelo, both from
/// these two runs), target — each cell the median over the run's repetitions. <c>--check</c> exits 1 when a side
/// produced no number where it should have (the CI smoke test).
/// </summary>
internal static class TableVerb
{
    /// <summary>What the pomelo column runs, for the table's notes.</summary>
    private const string PomeloColumn = "pomelo-admin 1.0.1 with pomelo 2.2.7's console and watchdog modules (`__console__`, `__masterwatcher__`, `__monitorwatcher__`)";

    public static int Run(Args args)
    {
        var pomelo = Load(args.Str("pomelo") ?? throw new ArgumentException("--pomelo is required"));
        var ours = Load(args.Str("ours") ?? throw new ArgumentException("--ours is required"));
        var rows = Rows(pomelo, ours);
        var missing = new List<string>();
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"| scenario | pomelo-admin 1.0.1 + pomelo 2.2.7 modules | ours | ratio (ours / pomelo) | target for ours |");
        md.AppendLine("|---|---:|---:|---:|---|");
        foreach (var row in rows)
        {
            var p = row.Extract(pomelo);
            var o = row.Extract(ours);
            if (row.PomeloRequired && p.Value is null && p.Text is null)
            {
                missing.Add("pomelo: " + row.Label);
            }

            if (row.OursRequired && o.Value is null && o.Text is null)
            {
                missing.Add("ours: " + row.Label);
            }

            var ratio = p.Value is { } pv && o.Value is { } ov && pv != 0 ? (ov / pv).ToString("0.00", CultureInfo.InvariantCulture) + "×" : "—";
            var target = row.Target is null ? string.Empty : row.Target + (o.Value is { } v && row.Met is { } met ? (met(v, p.Value) ? " ✓" : " ✗") : string.Empty);
            md.AppendLine(CultureInfo.InvariantCulture, $"| {row.Label} | {p.Show(row.Format)} | {o.Show(row.Format)} | {ratio} | {target} |");
        }

        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"pomelo column: {PomeloColumn}.");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Modes: pomelo {pomelo["mode"]} run ({pomelo["seconds"]} s), ours {ours["mode"]} run ({ours["seconds"]} s); machine: {ours["machine"]?["cores"]} cores, {ours["machine"]?["os"]}, {ours["machine"]?["dotnet"]}, node {ours["machine"]?["node"]}.");
        foreach (var (side, results) in new[] { ("pomelo", pomelo), ("ours", ours) })
        {
            foreach (var error in results["errors"]?.AsArray() ?? [])
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- {side} error: {error}");
            }
        }

        var text = md.ToString();
        System.Console.Out.Write(text);
        if (args.Str("md") is { } path)
        {
            File.WriteAllText(path, text);
        }

        if (args.Has("check") && missing.Count > 0)
        {
            System.Console.Error.WriteLine("no number for: " + string.Join("; ", missing));
            return 1;
        }

        return 0;
    }

    private static JsonObject Load(string path) => JsonNode.Parse(File.ReadAllText(path))!.AsObject();

    private static List<Row> Rows(JsonObject pomelo, JsonObject ours)
    {
        var rows = new List<Row>
        {
            new("master → monitor request/reply, 1 in flight: rate", "req/s", r => Median(r, "reqreply1", "rate")),
            new("master → monitor request/reply, 1 in flight: p50 round trip", "µs", r => Median(r, "reqreply1", "p50Us")) { Target = "≤ 35 µs", Met = (o, _) => o <= 35 },
            new("master → monitor request/reply, 1 in flight: p99 round trip", "µs", r => Median(r, "reqreply1", "p99Us")),
            new("master → monitor request/reply, 100 in flight: rate", "req/s", r => Median(r, "reqreply100", "rate")) { Target = "≥ 5×", Met = AtLeastFive },
            new("monitor → master notify: rate received at the master", "msg/s", r => Median(r, "notify", "rate")) { Target = "≥ 5×", Met = AtLeastFive },
            new("monitor → master notify: share of sent notifies lost", "%", r => Median(r, "notify", n => n["sent"]!.GetValue<long>() == 0 ? double.NaN : 100.0 * n["lost"]!.GetValue<long>() / n["sent"]!.GetValue<long>())),
        };

        foreach (var size in Sizes(pomelo, ours, "list"))
        {
            var n = Key(size);
            rows.Add(new($"client list fanning out to N = {n}: p50", "ms", r => Keyed(r, "list", n, "p50Us", 1e-3)));
            rows.Add(new($"client list fanning out to N = {n}: p99", "ms", r => Keyed(r, "list", n, "p99Us", 1e-3))
            {
                Target = size switch { 500 => "≤ 10 ms", 2000 => "≤ 40 ms", _ => null },
                Met = size switch { 500 => (o, _) => o <= 10, 2000 => (o, _) => o <= 40, _ => null },
            });
        }

        foreach (var size in Sizes(pomelo, ours, "register"))
        {
            var n = Key(size);
            rows.Add(new($"registering {n} monitors (first connect → last register reply)", "s", r => Registration(r, "register", n))
            {
                Target = size == 500 ? "≤ 0.2 s" : null,
                Met = size == 500 ? (o, _) => o <= 0.2 : null,
            });
            rows.Add(new($"registering {n} monitors: every monitor's server map complete", "s", r => Maps(r, "register", n)));
        }

        foreach (var size in Sizes(pomelo, ours, "registerMore").Where(s => s >= 500))
        {
            var n = Key(size);
            rows.Add(new($"adding monitors to reach {n} (first connect → last register reply)", "s", r => Registration(r, "registerMore", n)));
            rows.Add(new($"adding monitors to reach {n}: every monitor's server map complete", "s", r => Maps(r, "registerMore", n)));
            rows.Add(new($"master CPU when idle with {n} monitors (cores)", "", r => Keyed(r, "registerMore", n, "masterIdleCpu", 1)));
        }

        rows.Add(new("socket close → master's event", "ms", r => Median(r, "close", "masterMs")));
        rows.Add(new("socket close → last subscribed node's map updated", "ms", r => Median(r, "close", "lastNodeMs")) { Target = "≤ 5 ms", Met = (o, _) => o <= 5 });
        rows.Add(new("hung monitor (SIGSTOP) → Unreachable at the master", "s", Hung) { Target = "≤ 6 s", Met = (o, _) => o <= 6 });
        rows.Add(new("false positives: live monitors marked Unreachable during the whole run", "", r => Sum(r, "falsePositives", "count"))
        {
            Target = "0",
            Met = (o, _) => o == 0,
            PomeloRequired = false,
            PomeloNote = "no failure detector",
        });
        rows.Add(new("clean stops (DISCONNECT) seen as Unreachable instead of Leaving", "", r => Sum(r, "falsePositives", "uncleanLeaves"))
        {
            Target = "0",
            Met = (o, _) => o == 0,
            PomeloRequired = false,
            OursRequired = false,
            PomeloNote = "no failure detector",
        });

        foreach (var size in Sizes(pomelo, ours, "memory").Where(s => s >= 100))
        {
            var n = Key(size);
            rows.Add(new($"master memory per connected monitor, N = {n}: RSS", "KB", r => Keyed(r, "memory", n, "rssPerMonitorKB", 1)) { Target = "≤ 10 KB", Met = MemoryMet });
            rows.Add(new($"master memory per connected monitor, N = {n}: managed heap", "KB", r => Keyed(r, "memory", n, "heapPerMonitorKB", 1)) { Target = "≤ 10 KB", Met = MemoryMet });
            rows.Add(new($"master memory per connected monitor, N = {n}: RSS after an aggressive GC", "KB", r => Keyed(r, "memory", n, "rssAggressivePerMonitorKB", 1)) { PomeloRequired = false, PomeloNote = ".NET only" });
        }

        return rows;
    }

    /// <summary>A negative delta (the process gave memory back while N monitors connected) is noise, not a pass.</summary>
    private static bool MemoryMet(double ours, double? pomelo) => ours is >= 0 and <= 10;

    private static bool AtLeastFive(double ours, double? pomelo) => pomelo is { } p && p > 0 && ours / p >= 5;

    private static string Key(int size) => size.ToString(CultureInfo.InvariantCulture);

    private static IEnumerable<int> Sizes(JsonObject a, JsonObject b, string scenario)
        => new[] { a, b }.SelectMany(r => r["scenarios"]?[scenario] is JsonObject o ? o.Select(kv => int.Parse(kv.Key, CultureInfo.InvariantCulture)) : []).Distinct().Order();

    private static JsonArray? Runs(JsonObject results, string scenario) => results["scenarios"]?[scenario] as JsonArray;

    private static Cell Median(JsonObject results, string scenario, string field)
        => Median(results, scenario, n => n[field] is JsonValue v ? v.GetValue<double>() : double.NaN);

    private static Cell Median(JsonObject results, string scenario, Func<JsonObject, double> value)
    {
        if (Runs(results, scenario) is not { Count: > 0 } runs)
        {
            return Cell.None;
        }

        var median = Stats.Median(runs.Select(r => value(r!.AsObject())));
        return double.IsNaN(median) ? Cell.None : new Cell(median, null);
    }

    private static Cell Keyed(JsonObject results, string scenario, string key, string field, double scale)
    {
        if (results["scenarios"]?[scenario]?[key] is not JsonArray { Count: > 0 } runs)
        {
            return Cell.None;
        }

        var median = Stats.Median(runs.Select(r => r![field] is JsonValue v ? v.GetValue<double>() * scale : double.NaN));
        return double.IsNaN(median) ? Cell.None : new Cell(median, null);
    }

    private static Cell Hung(JsonObject results)
    {
        if (Runs(results, "hung") is not { Count: > 0 } runs)
        {
            return Cell.None;
        }

        var detected = runs.Where(r => r!["detected"]!.GetValue<bool>()).Select(r => r!["seconds"]!.GetValue<double>()).ToList();
        var bound = runs.Max(r => r!["boundSeconds"]!.GetValue<double>());
        if (detected.Count == 0)
        {
            return new Cell(null, $"never (waited {bound:0} s)");
        }

        var median = Stats.Median(detected);
        return detected.Count == runs.Count ? new Cell(median, null) : new Cell(median, $"{detected.Count} of {runs.Count} detected; median {median:0.00}");
    }

    private static Cell Sum(JsonObject results, string scenario, string field)
        => Runs(results, scenario) is { Count: > 0 } runs && runs.All(r => r![field] is JsonValue)
            ? new Cell(runs.Sum(r => r![field]!.GetValue<double>()), null)
            : Cell.None;

    /// <summary>
    /// The registration time (median), with how many monitors outlasted pomelo-admin's 5 s connect timeout (median) when
    /// any did: a pomelo server exits there; the bench's monitors go on waiting (bench/peer/lib/common.js).
    /// </summary>
    private static Cell Registration(JsonObject results, string scenario, string key)
    {
        var cell = Keyed(results, scenario, key, "seconds", 1);
        if (cell.Value is not { } seconds || results["scenarios"]?[scenario]?[key] is not JsonArray runs)
        {
            return cell;
        }

        var timeouts = runs.Select(r => r!["connectTimeouts"] is JsonValue t ? t.GetValue<double>() : 0).ToList();
        if (timeouts.All(t => t == 0))
        {
            return cell;
        }

        var monitors = runs[0]!["added"] is JsonValue added ? added.GetValue<int>().ToString(CultureInfo.InvariantCulture) : key;
        return cell with { Text = string.Create(CultureInfo.InvariantCulture, $"{seconds:0.000} s; {Stats.Median(timeouts):0} of {monitors} monitors past pomelo-admin's 5 s connect timeout (median)") };
    }

    /// <summary>When every server map held the whole cluster (median), or how many did when some never did.</summary>
    private static Cell Maps(JsonObject results, string scenario, string key)
    {
        if (results["scenarios"]?[scenario]?[key] is not JsonArray { Count: > 0 } runs || runs.All(r => r!["maps"] is null))
        {
            return Cell.None;
        }

        var settled = runs.Where(r => r!["settleSeconds"] is JsonValue).Select(r => r!["settleSeconds"]!.GetValue<double>()).ToList();
        if (settled.Count == runs.Count)
        {
            return new Cell(Stats.Median(settled), null);
        }

        var complete = runs.Select(r => r!["mapsComplete"]!.GetValue<double>()).ToList();
        return new Cell(null, $"never: {Stats.Median(complete):0} of {runs[0]!["maps"]} maps complete (median), stalled");
    }

    private sealed record Row(string Label, string Unit, Func<JsonObject, Cell> Source)
    {
        public string? Target { get; init; }

        public Func<double, double?, bool>? Met { get; init; }

        public bool PomeloRequired { get; init; } = true;

        public bool OursRequired { get; init; } = true;

        public string? PomeloNote { get; init; }

        public string Format => Unit;

        public Cell Extract(JsonObject results)
        {
            var cell = Source(results);
            return cell.Value is null && cell.Text is null && PomeloNote is not null && (string?)results["side"] == "pomelo" ? new Cell(null, "n/a (" + PomeloNote + ")") : cell;
        }
    }

    private sealed record Cell(double? Value, string? Text)
    {
        public static Cell None { get; } = new(null, null);

        public string Show(string unit)
        {
            if (Text is not null)
            {
                return Text;
            }

            if (Value is not { } v)
            {
                return "no number";
            }

            var number = unit switch
            {
                "req/s" or "msg/s" => v >= 10_000 ? (v / 1000).ToString("0.0", CultureInfo.InvariantCulture) + "k" : v.ToString("0", CultureInfo.InvariantCulture),
                "µs" or "KB" or "%" => v.ToString("0.0", CultureInfo.InvariantCulture),
                "ms" => v.ToString("0.00", CultureInfo.InvariantCulture),
                "s" => v.ToString("0.000", CultureInfo.InvariantCulture),
                _ => v.ToString("0.##", CultureInfo.InvariantCulture),
            };
            return unit.Length == 0 ? number : number + " " + unit;
        }
    }
}
