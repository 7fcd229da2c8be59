using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pomelo.Akka.Bench.Wire;

/// <summary>
/// The line protocol between the orchestrator and its child processes (ours and the Node peer speak the same one):
/// a child writes <c>@bench {json}</c> lines on stdout (events: <c>{"event":"ready",...}</c>; replies:
/// <c>{"re":id,...}</c> or <c>{"re":id,"error":"..."}</c>) and reads one JSON command per line on stdin
/// (<c>{"id":n,"cmd":"...",...}</c>). Other stdout lines (logs) are ignored. A child exits when its stdin closes, so
/// nothing outlives the orchestrator.
/// </summary>
public static class BenchIo
{
    public const string Marker = "@bench ";

    private static readonly Lock Gate = new();
    private static readonly Stream Stdout = System.Console.OpenStandardOutput();

    /// <summary>Monotonic nanoseconds (CLOCK_MONOTONIC on Linux, the same clock as Node's process.hrtime), comparable across processes.</summary>
    public static long NowNs() => Stopwatch.GetTimestamp() * (1_000_000_000L / Stopwatch.Frequency);

    public static void Emit(JsonObject message)
    {
        var bytes = Encoding.UTF8.GetBytes(Marker + message.ToJsonString() + "\n");
        lock (Gate)
        {
            Stdout.Write(bytes);
            Stdout.Flush();
        }
    }

    public static void Event(string name, JsonObject? fields = null)
    {
        var message = fields ?? [];
        message["event"] = name;
        Emit(message);
    }

    /// <summary>Reads commands from stdin until it closes; each runs concurrently and its reply (or error) is emitted.</summary>
    /// <param name="handle">Runs one command and returns the reply fields.</param>
    /// <param name="stopping">Cancelled when the child should stop reading.</param>
    /// <returns>A task that completes when stdin closes or an <c>exit</c> command arrives.</returns>
    public static async Task ServeAsync(Func<string, JsonElement, Task<JsonObject>> handle, CancellationToken stopping = default)
    {
        using var stdin = new StreamReader(System.Console.OpenStandardInput(), Encoding.UTF8);
        var exit = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        while (!stopping.IsCancellationRequested)
        {
            var readLine = stdin.ReadLineAsync(stopping).AsTask();
            var done = await Task.WhenAny(readLine, exit.Task).ConfigureAwait(false);
            if (done == exit.Task)
            {
                return;
            }

            var line = await readLine.ConfigureAwait(false);
            if (line is null)
            {
                return;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            JsonElement command;
            try
            {
                command = JsonElement.Parse(line);
            }
            catch (JsonException ex)
            {
                Event("bad-command", new JsonObject { ["line"] = line, ["error"] = ex.Message });
                continue;
            }

            var id = command.TryGetProperty("id", out var i) ? i.GetInt64() : 0;
            var cmd = command.TryGetProperty("cmd", out var c) ? c.GetString() ?? string.Empty : string.Empty;
            _ = Task.Run(async () =>
            {
                JsonObject reply;
                try
                {
                    reply = await handle(cmd, command).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    reply = new JsonObject { ["error"] = cmd + ": " + ex.GetType().Name + ": " + ex.Message };
                }

                reply["re"] = id;
                Emit(reply);
                if (cmd == "exit")
                {
                    exit.TrySetResult();
                }
            });
        }
    }

    public static long Long(this JsonElement e, string name, long fallback)
        => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : fallback;

    public static string? Str(this JsonElement e, string name)
        => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static bool Bool(this JsonElement e, string name, bool fallback = false)
        => e.TryGetProperty(name, out var v) ? v.ValueKind == JsonValueKind.True : fallback;
}
