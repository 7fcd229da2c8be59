using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Text.Json.Nodes;

namespace Pomelo.Akka.Bench.Nodes;

/// <summary>
/// Diagnostics only (POMELO_BENCH_ALLOCATIONS=1): samples the runtime's GC AllocationTick events (one per ~100 KB
/// allocated) and sums them by type, so a scenario can say what its process allocated.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private readonly ConcurrentDictionary<string, long> _bytes = new(StringComparer.Ordinal);

    public static AllocationSampler? FromEnvironment()
        => Environment.GetEnvironmentVariable("POMELO_BENCH_ALLOCATIONS") == "1" ? new AllocationSampler() : null;

    public JsonObject TakeTop(int count)
    {
        var top = _bytes.OrderByDescending(kv => kv.Value).Take(count).ToList();
        _bytes.Clear();
        var result = new JsonObject();
        foreach (var (type, bytes) in top)
        {
            result[type] = Math.Round(bytes / 1048576.0, 1);
        }

        return result;
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || eventData.Payload is null)
        {
            return;
        }

        var name = eventData.PayloadNames?.IndexOf("TypeName") is int t and >= 0 ? eventData.Payload[t] as string ?? "?" : "?";
        var amount = eventData.PayloadNames?.IndexOf("AllocationAmount64") is int a and >= 0 ? Convert.ToInt64(eventData.Payload[a], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        if (name == "System.Byte[]" && eventData.PayloadNames?.IndexOf("ObjectSize") is int o and >= 0)
        {
            // Arrays by size class (a power of two), to tell pipe blocks from serialisation buffers.
            var size = Convert.ToInt64(eventData.Payload[o], System.Globalization.CultureInfo.InvariantCulture);
            name += " ~" + (1L << (int)Math.Ceiling(Math.Log2(Math.Max(1, size)))).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        _bytes.AddOrUpdate(name, amount, (_, v) => v + amount);
    }
}
