using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pomelo.Akka.Bench.Wire;
using Pomelo.Akka.Cluster;
using Pomelo.Akka.Hosting;
using Pomelo.Akka.Master;
using Pomelo.Akka.Security;

namespace Pomelo.Akka.Bench.Nodes;

/// <summary>
/// <c>master --port P</c>: our master on 127.0.0.1:P with the bench modules (a notify counter and the list fan-out),
/// servers accepted without tokens (as pomelo without adminServer.json), one admin user <c>admin/admin</c>.
/// Runs the master → monitor loops in-process on command, watches membership events, reports its memory.
/// </summary>
internal static class MasterVerb
{
    public const string AdminUser = "admin";
    public const string AdminPassword = "admin";

    /// <summary>Gets the bench module's mailbox capacity set by POMELO_BENCH_MAILBOX (diagnostics only; default: the module default).</summary>
    private static int? DiagnosticMailbox => int.TryParse(Environment.GetEnvironmentVariable("POMELO_BENCH_MAILBOX"), out var n) ? n : null;

    public static async Task<int> RunAsync(Args args)
    {
        var port = args.Int("port");
        using var allocations = AllocationSampler.FromEnvironment();
        var counter = new NotifyCounter();
        var services = NodeHosting.NewServices(args.Str("log-level", NodeHosting.DefaultLogLevel));

        // The master's memory trims go to its log whatever the level: when one ran explains the memory rows.
        services.AddLogging(b => b.AddFilter(typeof(MasterService).Namespace + ".MemoryTrim", LogLevel.Information));
        services.AddSingleton(sp => AdminAuthenticator.Create(
            new AdminUserStore([new AdminUser("user-1", AdminUser, AdminPassword, 1)]),
            ServerTokenStore.Open,
            new AdminAuthOptions { AllowUnauthenticatedServers = true },
            TimeProvider.System,
            sp.GetRequiredService<ILogger<AdminAuthenticator>>()));
        services.AddPomeloMaster(o =>
            {
                o.Host = "127.0.0.1";
                o.Port = port;
                o.RequestTimeout = TimeSpan.FromSeconds(60);
            })
            .AddAdminModule(new NotifyCountingMasterModule(counter), BenchModuleIds.Echo, o => o.MailboxCapacity = args.Int("mailbox", DiagnosticMailbox ?? o.MailboxCapacity));
        await using var provider = services.BuildServiceProvider();
        var master = provider.GetRequiredService<MasterService>();
        await master.StartAsync(CancellationToken.None);
        var agent = master.Agent;
        var watch = new MembershipWatch(agent);
        using var subscription = agent.Membership.Subscribe(watch.OnEvent, initialStateAsEvents: false);

        BenchIo.Event("ready", new JsonObject { ["port"] = master.EndPoint!.Port, ["pid"] = Environment.ProcessId, ["side"] = "ours" });
        await BenchIo.ServeAsync((cmd, c) => cmd switch
        {
            "wait-servers" => WaitServersAsync(agent, (int)c.Long("count", 1), c.Bool("exact"), c.Long("timeoutMs", 30_000)),
            "reqreply" => ReqReplyAsync(agent, c.Str("target") ?? "m-0", (int)c.Long("inflight", 1), c.Long("durationMs", 2000), c.Long("warmupMs", 0)),
            "notify-reset" => Done(counter.Reset),
            "notify-stats" => NotifyStatsAsync(counter, c.Long("expect", 0), c.Long("timeoutMs", 15_000)),
            "mem" => Task.FromResult(Memory()),
            "await-down" => watch.AwaitDownAsync(c.Str("member")!, c.Long("timeoutMs", 10_000)),
            "fp" => Task.FromResult(watch.FalsePositives()),
            "expect-leave" => Done(() => watch.ExpectLeave(c.Str("prefix")!)),
            "allocations" => Task.FromResult(allocations?.TakeTop((int)c.Long("top", 15)) ?? new JsonObject()),
            "exit" => Task.FromResult(new JsonObject()),
            _ => throw new ArgumentException("unknown command " + cmd),
        });
        await master.StopAsync(CancellationToken.None);
        return 0;
    }

    private static Task<JsonObject> Done(Action action)
    {
        action();
        return Task.FromResult(new JsonObject());
    }

    private static int MonitorCount(IMasterAgent agent) => agent.Servers.Count(s => s.Id != agent.ServerId);

    /// <summary>Waits until at least (or, when exact, exactly) <paramref name="count"/> monitors are Up.</summary>
    private static async Task<JsonObject> WaitServersAsync(IMasterAgent agent, int count, bool exact, long timeoutMs)
    {
        var deadline = BenchIo.NowNs() + (timeoutMs * 1_000_000);
        bool Done(int n) => exact ? n == count : n >= count;
        while (!Done(MonitorCount(agent)) && BenchIo.NowNs() < deadline)
        {
            await Task.Delay(10);
        }

        var n = MonitorCount(agent);
        return Done(n) ? new JsonObject { ["count"] = n } : throw new TimeoutException($"{n} servers, not {count}, after {timeoutMs} ms");
    }

    /// <summary>Keeps <paramref name="inflight"/> requests to one monitor in flight (closed loop) for the duration.</summary>
    private static async Task<JsonObject> ReqReplyAsync(IMasterAgent agent, string target, int inflight, long durationMs, long warmupMs)
    {
        if (warmupMs > 0)
        {
            await LoopAsync(agent, target, inflight, warmupMs);
        }

        var (samples, count, errors, elapsedNs) = await LoopAsync(agent, target, inflight, durationMs);
        var result = Stats.Latency(samples, count);
        result["count"] = count;
        result["errors"] = errors;
        result["seconds"] = elapsedNs / 1e9;
        result["rate"] = Math.Round(count / (elapsedNs / 1e9));
        return result;
    }

    private static async Task<(long[] Samples, int Count, int Errors, long ElapsedNs)> LoopAsync(IMasterAgent agent, string target, int inflight, long durationMs)
    {
        var start = BenchIo.NowNs();
        var deadline = start + (durationMs * 1_000_000);
        var workers = new Task<(List<long> Samples, int Errors)>[inflight];
        for (var w = 0; w < inflight; w++)
        {
            workers[w] = Task.Run(async () =>
            {
                var local = new List<long>(1 << 16);
                var errors = 0;
                while (true)
                {
                    var t0 = BenchIo.NowNs();
                    if (t0 >= deadline)
                    {
                        return (local, errors);
                    }

                    try
                    {
                        await agent.RequestAsync(target, BenchModuleIds.Echo, null).ConfigureAwait(false);
                        local.Add(BenchIo.NowNs() - t0);
                    }
                    catch (Exception)
                    {
                        errors++;
                    }
                }
            });
        }

        var results = await Task.WhenAll(workers);
        var elapsed = BenchIo.NowNs() - start;
        var all = results.SelectMany(r => r.Samples).ToArray();
        return (all, all.Length, results.Sum(r => r.Errors), elapsed);
    }

    private static async Task<JsonObject> NotifyStatsAsync(NotifyCounter counter, long expect, long timeoutMs)
    {
        var deadline = BenchIo.NowNs() + (timeoutMs * 1_000_000);
        var last = -1L;
        var lastChange = BenchIo.NowNs();
        while (counter.Count < expect && BenchIo.NowNs() < deadline)
        {
            // Stop waiting once arrivals have stalled for a second: the rest was dropped on the way.
            var now = BenchIo.NowNs();
            if (counter.Count != last)
            {
                last = counter.Count;
                lastChange = now;
            }
            else if (now - lastChange > 1_000_000_000)
            {
                break;
            }

            await Task.Delay(5);
        }

        return new JsonObject { ["count"] = counter.Count, ["firstNs"] = counter.FirstNs, ["lastNs"] = counter.LastNs, ["stamped"] = counter.Stamped };
    }

    private static JsonObject Memory()
    {
        for (var i = 0; i < 2; i++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        var heap = GC.GetTotalMemory(forceFullCollection: true);
        var rss = ProcStatus.RssBytes(Environment.ProcessId);
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        var committed = info.TotalCommittedBytes;
        var allocated = GC.GetTotalAllocatedBytes(precise: false);
        var poh = info.GenerationInfo.Length > 4 ? info.GenerationInfo[4].SizeAfterBytes : 0;

        // What the master's own trim (src/Pomelo.Akka/Master/MemoryTrim.cs) leaves: the GC gives back every free region
        // it keeps committed, and the C heap its free memory (the baseline is read this way; see Scenarios).
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        MallocTrim(0);
        var rssAggressive = ProcStatus.RssBytes(Environment.ProcessId);
        var committedAggressive = GC.GetGCMemoryInfo(GCKind.Any).TotalCommittedBytes;
        return new JsonObject { ["rss"] = rss, ["heap"] = heap, ["threads"] = ProcStatus.Threads(Environment.ProcessId), ["rssAggressive"] = rssAggressive, ["committed"] = committed, ["committedAggressive"] = committedAggressive, ["allocated"] = allocated, ["poh"] = poh };
    }

    /// <summary>
    /// Times membership events: when each member went down; Unreachable of members that were not meant to fail (false
    /// positives); and Unreachable of members being stopped cleanly (a clean stop should be Leaving, not Unreachable).
    /// </summary>
    private sealed class MembershipWatch(IMasterAgent agent)
    {
        private readonly ConcurrentDictionary<string, TaskCompletionSource<long>> _down = new(StringComparer.Ordinal);
        private readonly ConcurrentQueue<string> _falsePositives = new();
        private readonly ConcurrentQueue<string> _uncleanLeaves = new();
        private readonly ConcurrentDictionary<string, bool> _leaving = new(StringComparer.Ordinal);

        /// <summary>The monitors whose ids start with <paramref name="prefix"/> are about to be stopped cleanly.</summary>
        public void ExpectLeave(string prefix) => _leaving[prefix] = true;

        public void OnEvent(MemberEvent memberEvent)
        {
            var now = BenchIo.NowNs();
            switch (memberEvent)
            {
                case MemberUnreachable u:
                    Down(u.Member.Id).TrySetResult(now);
                    if (_leaving.Keys.Any(p => u.Member.Id.StartsWith(p, StringComparison.Ordinal)))
                    {
                        _uncleanLeaves.Enqueue(u.Member.Id);
                    }
                    else if (!u.Member.Id.StartsWith("victim", StringComparison.Ordinal) && u.Member.Id != agent.ServerId)
                    {
                        _falsePositives.Enqueue(u.Member.Id);
                    }

                    break;
                case MemberRemoved r when r.PreviousStatus == MemberStatus.Leaving:
                    Down(r.Member.Id).TrySetResult(now);
                    break;
            }
        }

        public async Task<JsonObject> AwaitDownAsync(string id, long timeoutMs)
        {
            var down = Down(id).Task;
            if (await Task.WhenAny(down, Task.Delay(TimeSpan.FromMilliseconds(timeoutMs))) == down)
            {
                return new JsonObject { ["detected"] = true, ["ns"] = await down };
            }

            return new JsonObject { ["detected"] = false, ["waitedMs"] = timeoutMs };
        }

        public JsonObject FalsePositives() => new()
        {
            ["falsePositives"] = _falsePositives.Count,
            ["ids"] = new JsonArray(_falsePositives.Distinct().Take(20).Select(i => (JsonNode)i).ToArray()),
            ["uncleanLeaves"] = _uncleanLeaves.Count,
        };

        private TaskCompletionSource<long> Down(string id) => _down.GetOrAdd(id, static _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
    }

    /// <summary>glibc's <c>malloc_trim</c>, as the master's trim calls it (this machine runs glibc).</summary>
    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);
}
