using System.Text.Json;
using System.Text.Json.Nodes;
using Pomelo.Akka.Bench.Wire;
using Pomelo.Akka.Client;
using Pomelo.Akka.Modules.Console;

namespace Pomelo.Akka.Bench.Nodes;

/// <summary>
/// <c>client --port P --scenario list --count K --warmup W --repeat R --expect N</c>: logs in as admin and sends
/// <c>__console__ {signal: "list"}</c> (the console's list: the master asks every server) one at a time: W unmeasured,
/// then R batches of K measured; prints one <c>result</c> event with each batch's latency percentiles, then exits.
/// </summary>
internal static class ClientVerb
{
    private static readonly JsonElement ListRequest = JsonSerializer.SerializeToElement(new { signal = "list" });

    public static async Task<int> RunAsync(Args args)
    {
        var scenario = args.Str("scenario", "list");
        if (scenario != "list")
        {
            throw new ArgumentException("unknown scenario " + scenario);
        }

        var count = args.Int("count", 100);
        var warmup = args.Int("warmup", 10);
        var repeat = args.Int("repeat", 1);
        var expect = args.Int("expect", -1);
        await using var client = await AdminClient.ConnectAsync(new AdminClientOptions
        {
            Host = "127.0.0.1",
            Port = args.Int("port"),
            Username = MasterVerb.AdminUser,
            Password = MasterVerb.AdminPassword,
            RequestTimeout = TimeSpan.FromSeconds(120),
        });

        var servers = -1;
        for (var i = 0; i < warmup; i++)
        {
            servers = ServersIn(await client.RequestAsync(ConsoleModule.Id, ListRequest));
        }

        if (expect >= 0 && warmup > 0 && servers != expect)
        {
            throw new InvalidOperationException($"list answered {servers} servers, expected {expect}");
        }

        var batches = new JsonArray();
        var samples = new long[count];
        for (var r = 0; r < repeat; r++)
        {
            for (var i = 0; i < count; i++)
            {
                var t0 = BenchIo.NowNs();
                servers = ServersIn(await client.RequestAsync(ConsoleModule.Id, ListRequest));
                samples[i] = BenchIo.NowNs() - t0;
            }

            batches.Add(Stats.Latency(samples, count));
        }

        BenchIo.Event("result", new JsonObject { ["servers"] = servers, ["batches"] = batches });
        return 0;
    }

    /// <summary>The monitors that answered (the master's own row left out, as pomelo's list has none).</summary>
    private static int ServersIn(JsonElement? reply)
    {
        if (reply is not { ValueKind: JsonValueKind.Object } r || !r.TryGetProperty("servers", out var rows) || rows.ValueKind != JsonValueKind.Array)
        {
            return -1;
        }

        var answered = 0;
        foreach (var row in rows.EnumerateArray())
        {
            if (row.GetProperty("answered").GetBoolean() && row.GetProperty("serverType").GetString() != "master")
            {
                answered++;
            }
        }

        return answered;
    }
}
