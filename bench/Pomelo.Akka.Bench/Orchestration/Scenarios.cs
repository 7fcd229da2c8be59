using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Pomelo.Akka.Bench.Wire;

namespace Pomelo.Akka.Bench.Orchestration;

/// <summary>
/// The scenarios, each a flow of processes started fresh: a master, one process per batch of monitors, a client.
/// Every timing is taken where the thing happens (in the master, the monitors or the client process) on the shared
/// monotonic clock; this orchestrator only starts, signals, collects and kills.
/// </summary>
internal sealed class Scenarios(Side side, RunConfig config, string logDirectory, JsonObject results)
{
    /// <summary>The id prefix of the monitors a monitors process registers and stops before its storm (<c>--warm</c>).</summary>
    private const string MonitorsWarmPrefix = "warm-";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);
    private readonly Side _side = side;
    private readonly RunConfig _config = config;
    private readonly string _logDirectory = logDirectory;
    private int _flow;

    private JsonObject Scenario => (JsonObject)results["scenarios"]!;

    /// <summary>Master → monitor request/reply (1 and 100 in flight) and monitor → master notify, against one monitor.</summary>
    public async Task RequestReplyAndNotifyAsync()
    {
        await using var flow = await StartFlowAsync("rr");
        var monitors = await flow.AddMonitorsAsync(1, "m-", 0);
        await flow.Master.SendAsync("wait-servers", new JsonObject { ["count"] = 1 }, StartTimeout);

        foreach (var inflight in new[] { 1, 100 })
        {
            for (var r = 0; r < _config.Repeats; r++)
            {
                var result = await flow.Master.SendAsync(
                    "reqreply",
                    new JsonObject { ["target"] = "m-0", ["inflight"] = inflight, ["durationMs"] = _config.DurationMs, ["warmupMs"] = r == 0 ? _config.WarmupMs : 0 },
                    TimeSpan.FromMilliseconds((_config.DurationMs + _config.WarmupMs) * 3) + TimeSpan.FromSeconds(30));
                Add("reqreply" + inflight, Strip(result));
                Progress($"req/reply {inflight} in flight: {result["rate"]} req/s, p50 {result["p50Us"]} µs");
            }
        }

        await NotifyOnceAsync(flow.Master, monitors, _config.WarmupMs, record: false);
        for (var r = 0; r < _config.Repeats; r++)
        {
            await NotifyOnceAsync(flow.Master, monitors, _config.DurationMs, record: true);
        }

        await flow.RecordFalsePositivesAsync();
    }

    /// <summary>
    /// Grows a cluster from zero through the sizes: registration time of each batch, master memory per monitor at
    /// each size (after a full GC), and the client's list latency at each size.
    /// </summary>
    public async Task ClusterAsync(int[] sizes)
    {
        await using var flow = await StartFlowAsync("cluster" + sizes[^1].ToString(CultureInfo.InvariantCulture));
        await WarmUpAsync(flow);
        var mem0 = await flow.Master.SendAsync("mem", null, StartTimeout);
        if (Environment.GetEnvironmentVariable("POMELO_BENCH_ALLOCATIONS") == "1")
        {
            await flow.Master.SendAsync("allocations", null, StartTimeout);
        }
        // Each monitors process warms itself up with a few monitors that register and leave cleanly before its storm.
        await flow.Master.SendAsync("expect-leave", new JsonObject { ["prefix"] = MonitorsWarmPrefix }, StartTimeout);
        var total = 0;
        foreach (var size in sizes)
        {
            var add = size - total;
            var monitors = await flow.AddMonitorsAsync(add, "m-", total, _config.StormWarmMonitors);
            var ready = await monitors.WaitEventAsync("ready", StartTimeout);
            var registerSeconds = (ready["lastRegisteredNs"]!.GetValue<long>() - ready["t0Ns"]!.GetValue<long>()) / 1e9;
            await flow.Master.SendAsync("wait-servers", new JsonObject { ["count"] = size }, TimeSpan.FromSeconds(120));
            var settle = await flow.TrySettleMapsAsync(size, ready["t0Ns"]!.GetValue<long>());
            var quiet = await QuiesceAsync([flow.Master, .. flow.Monitors], _config.QuietWindowMs);
            var registration = new JsonObject
            {
                ["seconds"] = registerSeconds,
                ["firstSeconds"] = ready["firstRegisteredNs"] is { } firstNs ? (firstNs.GetValue<long>() - ready["t0Ns"]!.GetValue<long>()) / 1e9 : null,
                ["medianSeconds"] = ready["medianRegisteredNs"] is { } medianNs ? (medianNs.GetValue<long>() - ready["t0Ns"]!.GetValue<long>()) / 1e9 : null,
                ["connectTimeouts"] = ready["connectTimeouts"]?.DeepClone(),
                ["settleSeconds"] = settle["seconds"]?.DeepClone(),
                ["mapsComplete"] = settle["ready"]!.DeepClone(),
                ["maps"] = settle["of"]!.DeepClone(),
                ["quietAfterSeconds"] = quiet["seconds"]!.DeepClone(),
                ["masterIdleCpu"] = quiet["cpu"]![0]!.DeepClone(),
                ["monitorsIdleCpu"] = Math.Round(quiet["cpu"]!.AsArray().Skip(1).Sum(u => u!.GetValue<double>()), 3),
            };
            if (total == 0)
            {
                AddKeyed("register", size, registration);
            }
            else
            {
                registration["added"] = add;
                AddKeyed("registerMore", size, registration);
            }

            var timeouts = registration["connectTimeouts"]?.GetValue<int>() is > 0 and var t ? $", {t} past pomelo-admin's 5 s connect timeout" : string.Empty;
            Progress($"registering {add} (to {size}): {registerSeconds:0.000} s (first {Fmt(registration["firstSeconds"])} s, median {Fmt(registration["medianSeconds"])} s{timeouts}); maps: {settle["ready"]}/{settle["of"]} complete after {Fmt(settle["seconds"])} s; quiet after {Fmt(quiet["seconds"])} s, master idle CPU {Fmt(quiet["cpu"]![0])}");

            // Memory is read from a master that has stayed quiet a while longer (MemoryQuietWindows): a studio reads
            // a master's RSS in its steady state, after whatever it does once a storm is over (ours gives the storm's
            // free memory back: src/Pomelo.Akka/Master/MemoryTrim.cs).
            await QuiesceAsync([flow.Master], _config.QuietWindowMs, RunConfig.MemoryQuietWindows);
            var mem = await flow.Master.SendAsync("mem", null, StartTimeout);
            if (Environment.GetEnvironmentVariable("POMELO_BENCH_ALLOCATIONS") == "1")
            {
                Progress($"master's allocations (MB by type) up to {size}: {(await flow.Master.SendAsync("allocations", null, StartTimeout)).ToJsonString()}");
                Progress($"monitors' allocations (MB by type) in the storm to {size}: {(await monitors.SendAsync("allocations", null, StartTimeout)).ToJsonString()}");
            }
            // The baseline is the RSS the cluster started from: ours reads its RSS and then makes an aggressive
            // collection, which gives back the free regions the warm-up left committed, so the monitors joined a
            // process at its aggressive figure (with three warm-up rounds, the plain figure made the deltas negative).
            var rss = mem["rss"]!.GetValue<long>() - Left(mem0, "rss")!.GetValue<long>();
            var heap = mem["heap"]!.GetValue<long>() - mem0["heap"]!.GetValue<long>();
            var memory = new JsonObject
            {
                ["rssPerMonitorKB"] = Stats.Round(rss / 1024.0 / size),
                ["heapPerMonitorKB"] = Stats.Round(heap / 1024.0 / size),
                ["rss0"] = Left(mem0, "rss")!.GetValue<long>(),
                ["rss"] = mem["rss"]!.GetValue<long>(),
                ["heap0"] = mem0["heap"]!.GetValue<long>(),
                ["heap"] = mem["heap"]!.GetValue<long>(),
                ["threads0"] = mem0["threads"]?.GetValue<long>(),
                ["threads"] = mem["threads"]?.GetValue<long>(),
                ["committedPerMonitorKB"] = mem["committed"] is { } cm && Left(mem0, "committed") is { } cm0 ? Stats.Round((cm.GetValue<long>() - cm0.GetValue<long>()) / 1024.0 / size) : null,
                ["pohPerMonitorKB"] = mem["poh"] is { } ph && mem0["poh"] is { } ph0 ? Stats.Round((ph.GetValue<long>() - ph0.GetValue<long>()) / 1024.0 / size) : null,
                ["allocatedMB"] = mem["allocated"] is { } al && mem0["allocated"] is { } al0 ? Stats.Round((al.GetValue<long>() - al0.GetValue<long>()) / 1048576.0) : null,
                ["rssAggressivePerMonitorKB"] = mem["rssAggressive"] is { } ra && mem0["rssAggressive"] is { } ra0 ? Stats.Round((ra.GetValue<long>() - ra0.GetValue<long>()) / 1024.0 / size) : null,
            };
            AddKeyed("memory", size, memory);
            Progress($"memory at {size}: {rss / 1024.0 / size:0.0} KB RSS, {heap / 1024.0 / size:0.0} KB heap per monitor (GC committed {Fmt(memory["committedPerMonitorKB"])} KB, pinned {Fmt(memory["pohPerMonitorKB"])} KB per monitor; {Fmt(memory["allocatedMB"])} MB allocated since the baseline)");

            var listCount = _config.ListCount(size);
            var masterCpu0 = Wire.ProcStatus.CpuSeconds(flow.Master.Pid);
            var monitorsCpu0 = flow.Monitors.Sum(m => Wire.ProcStatus.CpuSeconds(m.Pid));
            await using (var client = Child.Start($"{_side.Name}-{_flow}-client{size}", _side.Client(flow.Port, listCount, _config.ListWarmup, _config.ListBatches, size), _logDirectory))
            {
                var timeout = TimeSpan.FromSeconds(60 + (listCount * (_config.ListBatches + 1) * size / 1000.0));
                var result = await client.WaitEventAsync("result", timeout);

                // CPU per list request, for the record: where the time goes (the client's own share is left out).
                var lists = _config.ListWarmup + (listCount * _config.ListBatches);
                var masterCpuMs = Math.Round((Wire.ProcStatus.CpuSeconds(flow.Master.Pid) - masterCpu0) * 1000 / lists, 2);
                var monitorsCpuMs = Math.Round((flow.Monitors.Sum(m => Wire.ProcStatus.CpuSeconds(m.Pid)) - monitorsCpu0) * 1000 / lists, 2);
                foreach (var batch in result["batches"]!.AsArray())
                {
                    var entry = Strip(batch!.AsObject());
                    entry["masterCpuMsPerList"] = masterCpuMs;
                    entry["monitorsCpuMsPerList"] = monitorsCpuMs;
                    AddKeyed("list", size, entry);
                    Progress($"list at {size}: p50 {Stats.Ms(batch["p50Us"])} ms, p99 {Stats.Ms(batch["p99Us"])} ms (CPU per list: master {masterCpuMs} ms, monitors {monitorsCpuMs} ms)");
                }
            }

            total = size;
        }

        await flow.RecordFalsePositivesAsync();
    }

    /// <summary>
    /// A victim monitor in its own process, watched by subscribed monitors: its socket to the master closed (through a
    /// relay, <see cref="CutProxy"/>) → the master's event and every node's map; then SIGSTOP (hung, socket open) →
    /// the master's Unreachable, or never.
    /// </summary>
    public async Task MembershipAsync()
    {
        await using var flow = await StartFlowAsync("membership");
        var watchers = _config.MembershipMonitors;
        await flow.AddMonitorsAsync(watchers, "m-", 0);
        await flow.Master.SendAsync("wait-servers", new JsonObject { ["count"] = watchers }, TimeSpan.FromSeconds(60));
        await flow.SettleMapsAsync(watchers, [], 0);

        // Round 0 warms the path up (the first close runs cold code on every node) and is not recorded.
        for (var r = 0; r <= _config.CloseRepeats; r++)
        {
            await using var proxy = CutProxy.Start(flow.Port);
            var (victim, id) = await flow.AddVictimAsync("victim-close" + r.ToString(CultureInfo.InvariantCulture) + "-", proxy.Port);
            await flow.Master.SendAsync("wait-servers", new JsonObject { ["count"] = watchers + 1 }, TimeSpan.FromSeconds(30));
            await flow.SettleMapsAsync(watchers, [id], 0);
            var quiet = await QuiesceAsync([flow.Master, .. flow.Monitors, victim], RunConfig.CloseQuietWindowMs, 2, RunConfig.CloseQuietCores, RunConfig.CloseQuietLimitMs);
            var settled = quiet["quiet"]!.GetValue<bool>();
            var t0 = proxy.Cut();
            var down = await flow.Master.SendAsync("await-down", new JsonObject { ["member"] = id, ["timeoutMs"] = 10_000 }, TimeSpan.FromSeconds(20));
            var result = new JsonObject { ["masterMs"] = down["detected"]!.GetValue<bool>() ? (down["ns"]!.GetValue<long>() - t0) / 1e6 : null };
            var report = await flow.Monitors[0].SendAsync("removed-report", new JsonObject { ["member"] = id, ["timeoutMs"] = 10_000 }, TimeSpan.FromSeconds(20));
            var nodes = report["count"]!.GetValue<int>();
            result["nodes"] = nodes;
            result["of"] = report["of"]!.GetValue<int>();
            result["lastNodeMs"] = nodes == report["of"]!.GetValue<int>() ? (report["lastNs"]!.GetValue<long>() - t0) / 1e6 : null;
            result["firstNodeMs"] = nodes > 0 ? (report["firstNs"]!.GetValue<long>() - t0) / 1e6 : null;
            result["t0Ns"] = t0; // CLOCK_MONOTONIC, to line a round up with a system trace (perf record -k CLOCK_MONOTONIC)
            result["quietBefore"] = settled;
            result["quietWaitSeconds"] = quiet["seconds"]!.GetValue<double>();

            if (r > 0)
            {
                Add("close", result);
            }

            Progress((r == 0 ? "(warm-up) " : string.Empty) + $"socket close: master event {Fmt(result["masterMs"])} ms, first node {Fmt(result["firstNodeMs"])} ms, last node {Fmt(result["lastNodeMs"])} ms" + (settled ? string.Empty : " (cut without the quiet: it did not come within the limit)"));
            await victim.DisposeAsync();
            await flow.Master.SendAsync("wait-servers", new JsonObject { ["count"] = watchers, ["exact"] = true }, TimeSpan.FromSeconds(30));
        }

        for (var r = 0; r < _config.HungRepeats(_side); r++)
        {
            var (victim, id) = await flow.AddVictimAsync("victim-hung" + r.ToString(CultureInfo.InvariantCulture) + "-", flow.Port);
            await flow.Master.SendAsync("wait-servers", new JsonObject { ["count"] = watchers + 1 }, TimeSpan.FromSeconds(30));
            await flow.SettleMapsAsync(watchers, [id], 0);
            var bound = _config.HungBoundMs(_side);
            var t0 = BenchIo.NowNs();
            victim.Signal(Child.SigStop);
            var down = await flow.Master.SendAsync("await-down", new JsonObject { ["member"] = id, ["timeoutMs"] = bound }, TimeSpan.FromMilliseconds(bound + 10_000));
            var detected = down["detected"]!.GetValue<bool>();
            var result = new JsonObject { ["detected"] = detected, ["boundSeconds"] = bound / 1000.0 };
            if (detected)
            {
                result["seconds"] = (down["ns"]!.GetValue<long>() - t0) / 1e9;
            }

            Add("hung", result);
            Progress(detected ? $"hung monitor: Unreachable after {Fmt(result["seconds"])} s" : $"hung monitor: never (waited {bound / 1000.0:0} s)");
            victim.Signal(Child.SigCont);
            await victim.DisposeAsync();
            await flow.Master.SendAsync("wait-servers", new JsonObject { ["count"] = watchers }, TimeSpan.FromSeconds(30));
        }

        await flow.RecordFalsePositivesAsync();
    }

    /// <summary>
    /// Runs every path before the memory baseline (registration, requests, a client's list, a clean leave), <see
    /// cref="RunConfig.WarmRounds"/> times, so neither the per-monitor figures nor the first storm carry one-time costs
    /// (code loading, JIT, pools); each round ends with an empty cluster and a quiet master.
    /// </summary>
    private async Task WarmUpAsync(Flow flow)
    {
        for (var round = 0; round < _config.WarmRounds; round++)
        {
            await WarmUpRoundAsync(flow);
        }
    }

    private async Task WarmUpRoundAsync(Flow flow)
    {
        var warm = _config.WarmMonitors;
        var monitors = await flow.AddMonitorsAsync(warm, "w-", 0);
        await flow.Master.SendAsync("wait-servers", new JsonObject { ["count"] = warm }, StartTimeout);
        await flow.Master.SendAsync("reqreply", new JsonObject { ["target"] = "w-0", ["inflight"] = warm, ["durationMs"] = _config.Quick ? 300 : 1000 }, StartTimeout);
        await using (var client = Child.Start($"{flow.Name}-warmclient", _side.Client(flow.Port, _config.Quick ? 5 : 20, 0, 1, -1), _logDirectory))
        {
            await client.WaitEventAsync("result", StartTimeout);
        }

        await flow.Master.SendAsync("expect-leave", new JsonObject { ["prefix"] = "w-" }, StartTimeout);
        await flow.RemoveMonitorsAsync(monitors);
        await flow.Master.SendAsync("wait-servers", new JsonObject { ["count"] = 0, ["exact"] = true }, StartTimeout);
        await QuiesceAsync([flow.Master], _config.QuietWindowMs);
    }

    /// <summary>A figure of what a <c>mem</c> command left the master with: read after its aggressive collection when it made one (ours).</summary>
    private static JsonNode? Left(JsonObject mem, string figure) => mem[figure + "Aggressive"] ?? mem[figure];

    /// <summary>
    /// Waits until the processes are quiet — <paramref name="windows"/> windows of <paramref name="windowMs"/> in a row
    /// under <paramref name="maxCores"/> each (by default 0.3 core) — so a measurement does not share the CPU with the
    /// tail of a registration storm; gives up after <paramref name="limitMs"/> (by default 60 s). Reports each one's
    /// CPU in the last window.
    /// </summary>
    private static async Task<JsonObject> QuiesceAsync(Child[] children, int windowMs, int windows = 2, double maxCores = 0.3, long limitMs = 60_000)
    {
        var start = BenchIo.NowNs();
        var quietWindows = 0;
        var cpu = new double[children.Length];
        while (quietWindows < windows && BenchIo.NowNs() - start < limitMs * 1_000_000)
        {
            var before = children.Select(c => Wire.ProcStatus.CpuSeconds(c.Pid)).ToArray();
            var t0 = BenchIo.NowNs();
            await Task.Delay(windowMs);
            var elapsed = (BenchIo.NowNs() - t0) / 1e9;
            for (var i = 0; i < children.Length; i++)
            {
                cpu[i] = Math.Round((Wire.ProcStatus.CpuSeconds(children[i].Pid) - before[i]) / elapsed, 3);
            }

            quietWindows = cpu.All(u => u < maxCores) ? quietWindows + 1 : 0;
        }

        return new JsonObject
        {
            ["seconds"] = Math.Round((BenchIo.NowNs() - start) / 1e9, 1),
            ["quiet"] = quietWindows >= windows,
            ["cpu"] = new JsonArray(cpu.Select(u => (JsonNode)u).ToArray()),
        };
    }

    private static JsonObject Strip(JsonObject reply)
    {
        var copy = (JsonObject)reply.DeepClone();
        copy.Remove("re");
        return copy;
    }

    private static string Fmt(JsonNode? v) => v is null ? "—" : v.GetValue<double>().ToString("0.###", CultureInfo.InvariantCulture);


    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task NotifyOnceAsync(Child master, Child monitors, long durationMs, bool record)
    {
        await master.SendAsync("notify-reset", null, StartTimeout);
        var sent = await monitors.SendAsync("notify", new JsonObject { ["index"] = 0, ["durationMs"] = durationMs }, TimeSpan.FromMilliseconds(durationMs * 3) + TimeSpan.FromSeconds(30));
        var total = sent["sent"]!.GetValue<long>();
        var stats = await master.SendAsync("notify-stats", new JsonObject { ["expect"] = total, ["timeoutMs"] = 30_000 }, TimeSpan.FromSeconds(60));
        var count = stats["count"]!.GetValue<long>();
        var span = (stats["lastNs"]!.GetValue<long>() - stats["firstNs"]!.GetValue<long>()) / 1e9;

        // The arrivals that span took: the count between the master's first and last stamps (see NotifyCounter).
        var stamped = stats["stamped"]!.GetValue<long>();
        if (!record)
        {
            return;
        }

        var result = new JsonObject
        {
            ["rate"] = span > 0 ? Math.Round(stamped / span) : null,
            ["received"] = count,
            ["sent"] = total,
            ["lost"] = total - count,
            ["sendSeconds"] = sent["seconds"]!.GetValue<double>(),
            ["receiveSeconds"] = span,
        };
        Add("notify", result);
        Progress($"notify: {result["rate"]} msg/s at the master ({count} of {total} arrived)");
    }

    private void Add(string scenario, JsonObject result)
    {
        if (Scenario[scenario] is not JsonArray list)
        {
            list = [];
            Scenario[scenario] = list;
        }

        list.Add(result);
    }

    private void AddKeyed(string scenario, int size, JsonObject result)
    {
        if (Scenario[scenario] is not JsonObject bySize)
        {
            bySize = [];
            Scenario[scenario] = bySize;
        }

        var key = size.ToString(CultureInfo.InvariantCulture);
        if (bySize[key] is not JsonArray list)
        {
            list = [];
            bySize[key] = list;
        }

        list.Add(result);
    }

    private void Progress(string line) => System.Console.Error.WriteLine($"[{_side.Name}] {line}");

    private async Task<Flow> StartFlowAsync(string name)
    {
        _flow++;
        var port = FreePort();
        var master = Child.Start($"{_side.Name}-{_flow}-{name}-master", _side.Master(port), _logDirectory);
        var flow = new Flow(this, master, port, $"{_side.Name}-{_flow}-{name}");
        try
        {
            await master.WaitEventAsync("ready", StartTimeout);
        }
        catch
        {
            await flow.DisposeAsync();
            throw;
        }

        return flow;
    }

    /// <summary>The processes of one flow; disposing stops the monitors (cleanly), then the master, and kills what is left.</summary>
    private sealed class Flow(Scenarios owner, Child master, int port, string name) : IAsyncDisposable
    {
        private readonly List<Child> _victims = [];

        public Child Master { get; } = master;

        public int Port { get; } = port;

        public List<Child> Monitors { get; } = [];

        public string Name { get; } = name;

        /// <summary>Starts a monitors process and waits until its monitors registered (after <paramref name="warm"/> warm-up monitors came and went).</summary>
        public async Task<Child> AddMonitorsAsync(int count, string prefix, int start, int warm = 0)
        {
            var child = Child.Start($"{Name}-monitors{Monitors.Count}", owner._side.Monitors(Port, count, prefix, start, owner._config.ConnectConcurrency, warm), owner._logDirectory);
            Monitors.Add(child);
            var ready = await child.WaitEventAsync("ready", TimeSpan.FromSeconds(180));
            if (ready["failed"]!.GetValue<int>() > 0)
            {
                throw new InvalidOperationException($"{child.Name}: {ready["failed"]} of {count} monitors did not start");
            }

            return child;
        }

        /// <summary>Stops a monitors process cleanly (its monitors leave) and forgets it.</summary>
        public async Task RemoveMonitorsAsync(Child monitors)
        {
            Monitors.Remove(monitors);
            await monitors.StopAsync(StopGrace);
        }

        /// <summary>Starts a single monitor (id <paramref name="prefix"/> + "0") in its own process, to be killed or stopped.</summary>
        public async Task<(Child Victim, string Id)> AddVictimAsync(string prefix, int masterPort)
        {
            var child = Child.Start($"{Name}-{prefix}0", owner._side.Monitors(masterPort, 1, prefix, 0, 1), owner._logDirectory);
            _victims.Add(child);
            await child.WaitEventAsync("ready", StartTimeout);
            return (child, prefix + "0");
        }

        /// <summary>
        /// Waits until every monitor's map holds the whole cluster, or no map progresses for 10 s, or 120 s passed;
        /// returns when it ended and how many maps were complete.
        /// </summary>
        public async Task<JsonObject> TrySettleMapsAsync(int clusterCount, long sinceNs)
        {
            long last = 0;
            int ready = 0, of = 0;
            foreach (var monitors in Monitors)
            {
                var reply = await monitors.SendAsync("maps-wait", new JsonObject { ["clusterCount"] = clusterCount, ["timeoutMs"] = 120_000, ["stallMs"] = 10_000 }, TimeSpan.FromSeconds(150));
                ready += reply["ready"]!.GetValue<int>();
                of += reply["of"]!.GetValue<int>();
                last = Math.Max(last, reply["ns"]!.GetValue<long>());
            }

            return new JsonObject { ["seconds"] = ready == of ? (last - sinceNs) / 1e9 : null, ["ready"] = ready, ["of"] = of };
        }

        /// <summary>Waits until every monitor's map holds the whole cluster (and the given ids).</summary>
        /// <returns>Seconds from <paramref name="sinceNs"/> (when given) until the last map was complete.</returns>
        public async Task<double?> SettleMapsAsync(int clusterCount, string[] include, long sinceNs)
        {
            long last = 0;
            foreach (var monitors in Monitors)
            {
                var includeIds = new JsonArray(include.Select(i => (JsonNode)i).ToArray());
                var reply = await monitors.SendAsync("maps-wait", new JsonObject { ["clusterCount"] = clusterCount, ["include"] = includeIds, ["timeoutMs"] = 120_000 }, TimeSpan.FromSeconds(150));
                if (!reply["ok"]!.GetValue<bool>())
                {
                    throw new TimeoutException($"{monitors.Name}: only {reply["ready"]} of {reply["of"]} server maps complete");
                }

                last = Math.Max(last, reply["ns"]!.GetValue<long>());
            }

            return sinceNs > 0 ? (last - sinceNs) / 1e9 : null;
        }

        public async Task RecordFalsePositivesAsync()
        {
            if (!owner._side.HasFailureDetector)
            {
                return;
            }

            var fp = await Master.SendAsync("fp", null, StartTimeout);
            owner.Add("falsePositives", new JsonObject
            {
                ["flow"] = Name,
                ["count"] = fp["falsePositives"]!.GetValue<int>(),
                ["ids"] = fp["ids"]!.DeepClone(),
                ["uncleanLeaves"] = fp["uncleanLeaves"]?.GetValue<int>(),
            });
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var victim in _victims)
            {
                await victim.DisposeAsync();
            }

            await Task.WhenAll(Monitors.Select(m => m.StopAsync(StopGrace)));
            await Master.StopAsync(StopGrace);
        }
    }
}
