using System.Text.Json;
using Pomelo.Akka.Cluster;

namespace Pomelo.Akka.Master;

/// <summary>What master-side handlers are given: reach the servers, and the per-module cache.</summary>
public interface IMasterAgent
{
    /// <summary>Gets the master's server id.</summary>
    string ServerId { get; }

    /// <summary>Gets the servers that are Up (the master's own monitor included), sorted by id.</summary>
    IReadOnlyList<Member> Servers { get; }

    /// <summary>Gets the cluster membership: every member with its state, and the membership event stream.</summary>
    ClusterMembership Membership { get; }

    /// <summary>Requests a module on one server and awaits its reply.</summary>
    /// <param name="serverId">The target server.</param>
    /// <param name="moduleId">The module on it.</param>
    /// <param name="message">The body.</param>
    /// <param name="timeout">The deadline; the configured request timeout when null.</param>
    /// <param name="cancellationToken">Cancels the wait (the request is forgotten).</param>
    /// <returns>The reply body.</returns>
    /// <exception cref="Errors.UnknownServerException">No such server.</exception>
    /// <exception cref="Errors.AdminRequestTimeoutException">No reply in time.</exception>
    /// <exception cref="Errors.PeerDisconnectedException">The server went away and too many requests were waiting for it.</exception>
    /// <exception cref="Errors.MemberRemovedException">The server was removed from the cluster first.</exception>
    /// <remarks>A request to a server that is unreachable waits for it and is re-sent when it comes back.</remarks>
    /// <exception cref="Errors.AdminRemoteException">The server replied with an error.</exception>
    Task<JsonElement?> RequestAsync(string serverId, string moduleId, object? message, TimeSpan? timeout = null, CancellationToken cancellationToken = default);

    /// <summary>Notifies a module on one server.</summary>
    /// <param name="serverId">The target server.</param>
    /// <param name="moduleId">The module on it.</param>
    /// <param name="message">The body.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>False when the server is unknown or the send failed.</returns>
    ValueTask<bool> NotifyByIdAsync(string serverId, string moduleId, object? message, CancellationToken cancellationToken = default);

    /// <summary>Notifies a module on each of the given servers (serialised once).</summary>
    /// <param name="serverIds">The target servers; unknown ids are skipped.</param>
    /// <param name="moduleId">The module.</param>
    /// <param name="message">The body.</param>
    /// <param name="cancellationToken">Cancels the sends.</param>
    /// <returns>How many servers it was sent to.</returns>
    ValueTask<int> NotifyByIdsAsync(IReadOnlyCollection<string> serverIds, string moduleId, object? message, CancellationToken cancellationToken = default);

    /// <summary>Notifies a module on every server of one type.</summary>
    /// <param name="serverType">The server type.</param>
    /// <param name="moduleId">The module.</param>
    /// <param name="message">The body.</param>
    /// <param name="cancellationToken">Cancels the sends.</param>
    /// <returns>How many servers it was sent to.</returns>
    ValueTask<int> NotifyByTypeAsync(string serverType, string moduleId, object? message, CancellationToken cancellationToken = default);

    /// <summary>Notifies a module on every server.</summary>
    /// <param name="moduleId">The module.</param>
    /// <param name="message">The body.</param>
    /// <param name="cancellationToken">Cancels the sends.</param>
    /// <returns>How many servers it was sent to.</returns>
    ValueTask<int> NotifyAllAsync(string moduleId, object? message, CancellationToken cancellationToken = default);

    /// <summary>Broadcasts a console command (<c>enable</c>, <c>disable</c>) to every server, or to one.</summary>
    /// <param name="command">The command.</param>
    /// <param name="moduleId">The module it is about.</param>
    /// <param name="message">Extra arguments.</param>
    /// <param name="serverId">One server, or null for all.</param>
    /// <param name="cancellationToken">Cancels the sends.</param>
    /// <returns>How many servers it was sent to.</returns>
    ValueTask<int> BroadcastCommandAsync(string command, string moduleId, object? message, string? serverId = null, CancellationToken cancellationToken = default);

    /// <summary>Gets the key/value cache of one module on the master.</summary>
    /// <param name="moduleId">The module.</param>
    /// <returns>The module's cache.</returns>
    ModuleCache GetCache(string moduleId);
}
