using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pomelo.Akka.Bench.Wire;
using Pomelo.Akka.Cluster;
using Pomelo.Akka.Console;
using Pomelo.Akka.Hosting;
using Pomelo.Akka.Monitor;
using Pomelo.Akka.Security;

namespace Pomelo.Akka.Bench.Nodes;

/// <summary>
/// <c>monitors --port P --count N --prefix m- --start S [--warm W]</c>: N of our monitors (ids <c>m-S</c> … <c>m-(S+N-1)</c>,
/// server type <c>bench</c>) in one process, each a <see cref="MonitorService"/> as a server would run it (the
/// watchdog included) with the bench echo module. Reports registration times; on command sends notifies, waits for
/// the server maps to settle and reports when each map dropped a server. With <c>--warm W</c>, W monitors register and
/// leave first (ids <c>warm-{prefix}{S}-i</c>), before the registration clock starts.
/// </summary>
internal static class MonitorsVerb
{
    public const string ClusterPrefix = "m-";

    public static async Task<int> RunAsync(Args args)
    {
        var port = args.Int("port");
        var count = args.Int("count");
        var prefix = args.Str("prefix", ClusterPrefix);
        var first = args.Int("start", 0);
        var concurrency = args.Int("concurrency", 500);

        using var allocations = AllocationSampler.FromEnvironment();
        var services = NodeHosting.NewServices(args.Str("log-level", NodeHosting.DefaultLogLevel));
        services.AddPomeloMonitor().AddAdminModule(new EchoMonitorModule(), BenchModuleIds.Echo);
        await using var provider = services.BuildServiceProvider();
        var registrations = provider.GetServices<AdminModuleRegistration>().ToList();
        var loggers = provider.GetRequiredService<ILoggerFactory>();
        var auth = Options.Create(new AdminAuthOptions());
        var supervision = Options.Create(new ModuleSupervisionOptions());

        MonitorService Create(string id, int serverPort) => new(
            Options.Create(new MonitorOptions { Id = id, ServerType = "bench", Host = "127.0.0.1", Port = serverPort, MasterHost = "127.0.0.1", MasterPort = port }),
            auth, registrations, provider, supervision, TimeProvider.System, loggers);

        await WarmUpAsync(args.Int("warm", 0), prefix + first.ToString(CultureInfo.InvariantCulture), Create);

        var monitors = new MonitorService[count];
        var trackers = new MapTracker[count];
        var registeredNs = new long[count];
        for (var i = 0; i < count; i++)
        {
            var monitor = Create(prefix + (first + i).ToString(CultureInfo.InvariantCulture), 10_000 + first + i);
            var index = i;
            monitor.Registered += n =>
            {
                if (n == 1)
                {
                    registeredNs[index] = BenchIo.NowNs();
                }
            };
            var tracker = new MapTracker(monitor.ServerMap);
            monitor.ServerMap.Changed += tracker.OnChanged;
            monitors[i] = monitor;
            trackers[i] = tracker;
        }

        // Start them all, at most `concurrency` registrations in flight.
        var t0 = BenchIo.NowNs();
        using var gate = new SemaphoreSlim(concurrency);
        var starts = monitors.Select(async m =>
        {
            await gate.WaitAsync();
            try
            {
                await m.StartAsync(CancellationToken.None);
            }
            finally
            {
                gate.Release();
            }
        }).ToArray();
        var failed = 0;
        try
        {
            await Task.WhenAll(starts).WaitAsync(TimeSpan.FromSeconds(120));
        }
        catch (Exception)
        {
            failed = starts.Count(s => !s.IsCompletedSuccessfully);
        }

        var started = BenchIo.NowNs();
        BenchIo.Event("ready", new JsonObject
        {
            ["pid"] = Environment.ProcessId,
            ["count"] = count,
            ["failed"] = failed,
            ["t0Ns"] = t0,
            ["lastRegisteredNs"] = registeredNs.Max(),
            ["firstRegisteredNs"] = registeredNs.Where(t => t > 0).DefaultIfEmpty().Min(),
            ["medianRegisteredNs"] = registeredNs.Order().ElementAt(registeredNs.Length / 2),
            ["startedNs"] = started,
        });

        await BenchIo.ServeAsync((cmd, c) => cmd switch
        {
            "notify" => NotifyAsync(monitors[(int)c.Long("index", 0)].Agent, c.Long("durationMs", 2000)),
            "maps-wait" => MapsWaitAsync(trackers, (int)c.Long("clusterCount", 0), Ids(c, "include"), c.Long("timeoutMs", 30_000), c.Long("stallMs", 10_000)),
            "removed-report" => RemovedReportAsync(trackers, c.Str("member")!, c.Long("timeoutMs", 10_000)),
            "allocations" => Task.FromResult(allocations?.TakeTop((int)c.Long("top", 15)) ?? new JsonObject()),
            "exit" => Task.FromResult(new JsonObject()),
            _ => throw new ArgumentException("unknown command " + cmd),
        });

        await Task.WhenAll(monitors.Select(m => m.DisposeAsync().AsTask()));
        return 0;
    }

    /// <summary>
    /// Registers <paramref name="count"/> monitors (ids <c>warm-{tag}-i</c>) and stops them cleanly, so the measured
    /// storm is not this process's first run of every path; returns once each has seen the master close its connection.
    /// </summary>
    private static async Task WarmUpAsync(int count, string tag, Func<string, int, MonitorService> create)
    {
        if (count <= 0)
        {
            return;
        }

        var warmers = Enumerable.Range(0, count).Select(i => create("warm-" + tag + "-" + i.ToString(CultureInfo.InvariantCulture), 9_000 + i)).ToArray();
        try
        {
            await Task.WhenAll(warmers.Select(m => m.StartAsync(CancellationToken.None))).WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            await Task.WhenAll(warmers.Select(m => m.DisposeAsync().AsTask()));
        }
    }

    private static string[] Ids(JsonElement c, string name)
        => c.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array ? a.EnumerateArray().Select(e => e.GetString()!).ToArray() : [];

    /// <summary>
    /// One monitor sends notifies to the master as fast as it can, in batches of 256 (<see cref="IMonitorAgent.NotifyManyAsync"/>:
    /// one write and one flush per batch), each batch awaited, so the socket's back-pressure paces the sender — what
    /// pomelo's peer does with 256 per event-loop turn while its socket is not backed up.
    /// </summary>
    private static async Task<JsonObject> NotifyAsync(IMonitorAgent agent, long durationMs)
    {
        const int batch = 256;
        long sent = 0;
        long failed = 0;
        var bodies = new object?[batch];
        var start = BenchIo.NowNs();
        var deadline = start + (durationMs * 1_000_000);
        while (BenchIo.NowNs() < deadline)
        {
            for (var k = 0; k < batch; k++)
            {
                bodies[k] = new NotifyBody(sent + k);
            }

            if (await agent.NotifyManyAsync(BenchModuleIds.Echo, bodies))
            {
                sent += batch;
            }
            else
            {
                failed += batch;
            }
        }

        return new JsonObject { ["sent"] = sent, ["failed"] = failed, ["seconds"] = (BenchIo.NowNs() - start) / 1e9 };
    }

    /// <summary>
    /// Waits until every monitor's map holds <paramref name="clusterCount"/> cluster monitors and the given ids; gives
    /// up at the timeout, or earlier when no map has progressed for <paramref name="stallMs"/>.
    /// </summary>
    private static async Task<JsonObject> MapsWaitAsync(MapTracker[] trackers, int clusterCount, string[] include, long timeoutMs, long stallMs)
    {
        var start = BenchIo.NowNs();
        var deadline = start + (timeoutMs * 1_000_000);
        long progress = -1;
        var progressAt = start;
        while (true)
        {
            var ready = trackers.Count(t => t.Has(clusterCount, include));
            var now = BenchIo.NowNs();
            var known = trackers.Sum(t => (long)t.ClusterCount);
            if (known != progress)
            {
                progress = known;
                progressAt = now;
            }

            var stalled = now - progressAt > stallMs * 1_000_000;
            if (ready == trackers.Length || now >= deadline || stalled)
            {
                return new JsonObject
                {
                    ["ok"] = ready == trackers.Length,
                    ["ready"] = ready,
                    ["of"] = trackers.Length,
                    ["stalled"] = stalled,
                    ["ns"] = ready == trackers.Length ? now : progressAt,
                    ["waitedMs"] = (now - start) / 1e6,
                };
            }

            await Task.Delay(2);
        }
    }

    /// <summary>Waits until every monitor's map dropped <paramref name="id"/> and reports when the first and the last did.</summary>
    private static async Task<JsonObject> RemovedReportAsync(MapTracker[] trackers, string id, long timeoutMs)
    {
        var deadline = BenchIo.NowNs() + (timeoutMs * 1_000_000);
        while (trackers.Any(t => t.RemovedAt(id) == 0) && BenchIo.NowNs() < deadline)
        {
            await Task.Delay(1);
        }

        var times = trackers.Select(t => t.RemovedAt(id)).Where(t => t != 0).ToArray();
        return new JsonObject
        {
            ["count"] = times.Length,
            ["of"] = trackers.Length,
            ["firstNs"] = times.Length == 0 ? 0 : times.Min(),
            ["lastNs"] = times.Length == 0 ? 0 : times.Max(),
        };
    }

    /// <summary>
    /// Follows one monitor's <see cref="ServerMap"/> through its change events: which cluster monitors (<c>m-i</c>, a
    /// bit each) and which other ids it holds, and when each id was removed.
    /// </summary>
    private sealed class MapTracker(ServerMap map)
    {
        private readonly Lock _gate = new();
        private readonly HashSet<string> _others = new(StringComparer.Ordinal);
        private readonly Dictionary<string, long> _removedAt = new(StringComparer.Ordinal);
        private BitArray _cluster = new(64);
        private int _clusterCount;

        public void OnChanged(ServerMapChange change)
        {
            var now = BenchIo.NowNs();
            lock (_gate)
            {
                switch (change.Kind)
                {
                    case ServerMapChangeKind.Added:
                        Set(change.Id, true);
                        break;
                    case ServerMapChangeKind.Removed:
                        Set(change.Id, false);
                        _removedAt.TryAdd(change.Id, now);
                        break;
                    case ServerMapChangeKind.Replaced:
                        _cluster = new BitArray(_cluster.Length);
                        _clusterCount = 0;
                        _others.Clear();
                        foreach (var server in map.Servers)
                        {
                            Set(server.Id, true);
                        }

                        break;
                }
            }
        }

        public int ClusterCount
        {
            get
            {
                lock (_gate)
                {
                    return _clusterCount;
                }
            }
        }

        public bool Has(int clusterCount, string[] include)
        {
            lock (_gate)
            {
                return _clusterCount >= clusterCount && include.All(_others.Contains);
            }
        }

        public long RemovedAt(string id)
        {
            lock (_gate)
            {
                return _removedAt.GetValueOrDefault(id);
            }
        }

        private void Set(string id, bool present)
        {
            if (id.StartsWith(ClusterPrefix, StringComparison.Ordinal) && int.TryParse(id.AsSpan(ClusterPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                if (index >= _cluster.Length)
                {
                    _cluster.Length = Math.Max(index + 1, _cluster.Length * 2);
                }

                if (_cluster[index] != present)
                {
                    _cluster[index] = present;
                    _clusterCount += present ? 1 : -1;
                }
            }
            else if (present)
            {
                _others.Add(id);
            }
            else
            {
                _others.Remove(id);
            }
        }
    }
}
