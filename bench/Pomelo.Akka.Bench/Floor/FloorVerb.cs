using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Pomelo.Akka.Bench.Orchestration;
using Pomelo.Akka.Bench.Wire;

namespace Pomelo.Akka.Bench.Floor;

/// <summary>
/// What this machine allows at best (<c>floor</c>): the request/reply round trip and a fan-out to N peers held by one
/// other process, with plain sockets, one thread and one epoll on each side, fixed-size frames and no work beyond the
/// system calls. Each figure with the waiting that suits it best: for the round trip both sides spin on
/// <c>epoll_wait</c> (no sleep, so no wake-up to pay: p50 ≈ 10 µs here, against ≈ 65 µs blocking); for the fan-outs
/// both sides block in it (spinning made their tail worse: p99 at 500 of 14–18 ms, against 8.5–11.4 ms). The list
/// targets are set against this: a list can be no faster than the floor's fan-out at the same N, since it needs at
/// least these sends and reads and does its own work besides.
/// </summary>
internal static class FloorVerb
{
    public static async Task<int> RunAsync(Args args)
    {
        var sizes = args.Str("sizes", "10,100,500,2000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var rounds = args.Int("rounds", 300);
        var pingPongs = args.Int("pingpong", 20_000);
        var requestSize = args.Int("request", 80);
        var replySize = args.Int("reply", 250);
        var logs = args.Str("logs", Path.Combine("bench", "results", "logs", "floor"));
        var result = new JsonObject { ["requestBytes"] = requestSize, ["replyBytes"] = replySize };

        var pingPong = await MeasureAsync(1, pingPongs, requestSize, replySize, spin: true, logs).ConfigureAwait(false);
        result["roundTrip"] = pingPong;
        System.Console.WriteLine($"round trip, 1 in flight: p50 {pingPong["p50Us"]} µs, p99 {pingPong["p99Us"]} µs");

        var fanOut = new JsonObject();
        foreach (var n in sizes)
        {
            var latency = await MeasureAsync(n, rounds, requestSize, replySize, spin: false, logs).ConfigureAwait(false);
            fanOut[n.ToString(CultureInfo.InvariantCulture)] = latency;
            System.Console.WriteLine($"fan-out to {n}: p50 {Stats.Ms(latency["p50Us"])} ms, p99 {Stats.Ms(latency["p99Us"])} ms");
        }

        result["fanOut"] = fanOut;
        if (args.Str("out") is { } path)
        {
            await File.WriteAllTextAsync(path, result.ToJsonString(new() { WriteIndented = true })).ConfigureAwait(false);
        }

        return 0;
    }

    /// <summary>Times <paramref name="rounds"/> rounds, each a request to all <paramref name="n"/> peers and every reply back; the first tenth warms up.</summary>
    private static async Task<JsonObject> MeasureAsync(int n, int rounds, int requestSize, int replySize, bool spin, string logs)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start(n);
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        string[] peerArgs = ["floor-peer", "--port", P(port), "--count", P(n), "--request", P(requestSize), "--reply", P(replySize), .. (spin ? ["--spin"] : Array.Empty<string>())];
        await using var peer = Child.Start("floor-peer-" + n, new ChildStart(self, peerArgs), logs);
        var sockets = new Socket[n];
        using var accepting = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        for (var i = 0; i < n; i++)
        {
            sockets[i] = await listener.AcceptSocketAsync(accepting.Token).ConfigureAwait(false);
            sockets[i].NoDelay = true;
        }

        await peer.WaitEventAsync("ready", TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        try
        {
            // The rounds run on a thread of their own: blocking calls, nothing else scheduled on it.
            return await Task.Factory.StartNew(() => Rounds(sockets, rounds, requestSize, replySize, spin), TaskCreationOptions.LongRunning).ConfigureAwait(false);
        }
        finally
        {
            foreach (var s in sockets)
            {
                s.Dispose();
            }
        }
    }

    private static JsonObject Rounds(Socket[] sockets, int rounds, int requestSize, int replySize, bool spin)
    {
        var request = new byte[requestSize];
        var buffer = new byte[64 * 1024];
        var received = new int[sockets.Length];
        var events = new EpollEvent[256];
        var warm = rounds / 10;
        var samples = new long[rounds - warm];
        var epoll = Epoll.Create(sockets);
        try
        {
            for (var r = 0; r < rounds; r++)
            {
                Array.Clear(received);
                var t0 = BenchIo.NowNs();
                foreach (var s in sockets)
                {
                    s.Send(request);
                }

                var left = sockets.Length;
                while (left > 0)
                {
                    var ready = Epoll.Wait(epoll, events, spin ? 0 : 10_000);
                    if (ready == 0 && BenchIo.NowNs() - t0 > 10_000_000_000L)
                    {
                        throw new TimeoutException("no reply in 10 s");
                    }

                    for (var e = 0; e < ready; e++)
                    {
                        var i = (int)events[e].Data;
                        var read = sockets[i].Receive(buffer);
                        if (read == 0)
                        {
                            throw new InvalidOperationException("the peer closed a socket");
                        }

                        received[i] += read;
                        if (received[i] == replySize)
                        {
                            left--;
                        }
                    }
                }

                if (r >= warm)
                {
                    samples[r - warm] = BenchIo.NowNs() - t0;
                }
            }
        }
        finally
        {
            Epoll.Close(epoll);
        }

        return Stats.Latency(samples, samples.Length);
    }

    private static string P(int value) => value.ToString(CultureInfo.InvariantCulture);
}
