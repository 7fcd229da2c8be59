using Pomelo.Akka.Modules.WatchServer;

namespace Pomelo.Akka.Tests.Modules.WatchServer;

/// <summary>An application's status source with fixed reports (keys in mixed case, to show they are kept as they are).</summary>
public sealed class TestStatusSource : IServerStatusSource
{
    public ValueTask<IReadOnlyDictionary<string, object?>> GetConnectionsAsync(CancellationToken cancellationToken)
        => ValueTask.FromResult<IReadOnlyDictionary<string, object?>>(new Dictionary<string, object?> { ["tcp"] = 3, ["WebSocket"] = 2 });

    public ValueTask<IReadOnlyDictionary<string, object?>> GetLoginsAsync(CancellationToken cancellationToken)
        => ValueTask.FromResult<IReadOnlyDictionary<string, object?>>(new Dictionary<string, object?> { ["user-1"] = new { username = "alice", loginTime = 1000 } });

    public IReadOnlyList<string> GetComponents() => ["__connector__", "__monitor__", "__connector__"];
}
