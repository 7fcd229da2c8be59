using System.Text.Json;
using Pomelo.Akka.Master;

namespace Pomelo.Akka.Tests.TestSupport;

/// <summary>An <see cref="IMasterAgent"/> for handlers that never use it: every member but the id throws.</summary>
public sealed class FakeMasterAgent : IMasterAgent
{
    public string ServerId => "master";

    public IReadOnlyList<Pomelo.Akka.Cluster.Member> Servers => throw new NotSupportedException();

    public Task<JsonElement?> RequestAsync(string serverId, string moduleId, object? message, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
        => throw new NotSupportedException();

    public ValueTask<bool> NotifyByIdAsync(string serverId, string moduleId, object? message, CancellationToken cancellationToken = default)
        => throw new NotSupportedException();

    public ValueTask<int> NotifyByTypeAsync(string serverType, string moduleId, object? message, CancellationToken cancellationToken = default)
        => throw new NotSupportedException();

    public ValueTask<int> NotifyAllAsync(string moduleId, object? message, CancellationToken cancellationToken = default)
        => throw new NotSupportedException();

    public ValueTask<int> BroadcastCommandAsync(string command, string moduleId, object? message, string? serverId = null, CancellationToken cancellationToken = default)
        => throw new NotSupportedException();

    public Pomelo.Akka.Cluster.ClusterMembership Membership => throw new NotSupportedException();

    public ValueTask<int> NotifyByIdsAsync(IReadOnlyCollection<string> serverIds, string moduleId, object? message, CancellationToken cancellationToken = default)
        => throw new NotSupportedException();

    public ModuleCache GetCache(string moduleId) => throw new NotSupportedException();
}
