using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Pomelo.Akka.Master;
using Pomelo.Akka.Monitor;
using Pomelo.Akka.Node.Modules;

namespace Pomelo.Akka.Node.Tests.Modules;

public sealed class TimeReportTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task MasterTick_NotifiesEveryMonitor()
    {
        var master = new RecordingMasterAgent();

        await NewModule().MasterHandlerAsync(master, null, CancellationToken.None);

        Assert.Equal([TimeReport.ModuleId], master.NotifiedAll);
    }

    [Fact]
    public async Task MonitorHandler_ReportsItsIdAndTimeToTheMaster()
    {
        var monitor = new RecordingMonitorAgent("area-server-1");

        await NewModule().MonitorHandlerAsync(monitor, JsonDocument.Parse("null").RootElement, CancellationToken.None);

        var (moduleId, body) = Assert.Single(monitor.Notified);
        Assert.Equal(TimeReport.ModuleId, moduleId);
        Assert.Equal(new TimeReportMessage("area-server-1", Now.ToUnixTimeMilliseconds()), body);
    }

    [Fact]
    public async Task Reports_AreKeptPerServer_AndAClientGetsTheLatestMap()
    {
        var master = new RecordingMasterAgent();
        var module = NewModule();

        await module.MasterHandlerAsync(master, Json("""{"serverId":"a-1","time":1}"""), CancellationToken.None);
        await module.MasterHandlerAsync(master, Json("""{"serverId":"a-1","time":5}"""), CancellationToken.None);
        await module.MasterHandlerAsync(master, Json("""{"serverId":"c-1","time":3}"""), CancellationToken.None);
        await module.MasterHandlerAsync(master, Json("""{"nonsense":true}"""), CancellationToken.None);
        var map = (IReadOnlyDictionary<string, object?>)(await module.ClientHandlerAsync(master, new Pomelo.Akka.Console.ClientCaller("c", "u", 3, System.Net.IPAddress.Loopback), null, CancellationToken.None))!;

        Assert.Equal(new Dictionary<string, object?> { ["a-1"] = 5L, ["c-1"] = 3L }, map);
    }

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static TimeReport NewModule() => new(new FixedTime(Now), NullLogger<TimeReport>.Instance);

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class RecordingMonitorAgent(string id) : IMonitorAgent
    {
        public List<(string ModuleId, object? Body)> Notified { get; } = [];

        public string ServerId => id;

        public string ServerType => "area";

        public JsonElement? Info => null;

        public Task<JsonElement?> RequestAsync(string moduleId, object? message, TimeSpan? timeout = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public ValueTask<bool> NotifyAsync(string moduleId, object? message, CancellationToken cancellationToken = default)
        {
            Notified.Add((moduleId, message));
            return ValueTask.FromResult(true);
        }

        public ValueTask<bool> NotifyManyAsync(string moduleId, IReadOnlyList<object?> messages, CancellationToken cancellationToken = default)
        {
            foreach (var message in messages)
            {
                Notified.Add((moduleId, message));
            }

            return ValueTask.FromResult(true);
        }
    }

    private sealed class RecordingMasterAgent : IMasterAgent
    {
        private readonly ModuleCache _cache = new();

        public List<string> NotifiedAll { get; } = [];

        public string ServerId => "master";

        public IReadOnlyList<Pomelo.Akka.Cluster.Member> Servers => [];

        public Task<JsonElement?> RequestAsync(string serverId, string moduleId, object? message, TimeSpan? timeout = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public ValueTask<bool> NotifyByIdAsync(string serverId, string moduleId, object? message, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public ValueTask<int> NotifyByTypeAsync(string serverType, string moduleId, object? message, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public ValueTask<int> NotifyAllAsync(string moduleId, object? message, CancellationToken cancellationToken = default)
        {
            NotifiedAll.Add(moduleId);
            return ValueTask.FromResult(1);
        }

        public ValueTask<int> BroadcastCommandAsync(string command, string moduleId, object? message, string? serverId = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Pomelo.Akka.Cluster.ClusterMembership Membership => throw new NotSupportedException();

    public ValueTask<int> NotifyByIdsAsync(IReadOnlyCollection<string> serverIds, string moduleId, object? message, CancellationToken cancellationToken = default)
        => throw new NotSupportedException();

    public ModuleCache GetCache(string moduleId) => _cache;
    }
}
