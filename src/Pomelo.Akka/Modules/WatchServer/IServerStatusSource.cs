namespace Pomelo.Akka.Modules.WatchServer;

/// <summary>
/// What the application reports about its server to <c>watchServer</c>: register one in the node's DI container
/// (a singleton). Without one, <c>connections</c> and <c>logins</c> answer <c>{}</c> and <c>components</c> lists only
/// the node's own component. Every member has a default, so an application implements only what it tracks.
/// </summary>
public interface IServerStatusSource
{
    /// <summary>Reports the server's connections (for example counts per protocol), for the <c>connections</c> command.</summary>
    /// <param name="cancellationToken">Cancelled when the node stops.</param>
    /// <returns>Name → value pairs; values must be JSON-serialisable.</returns>
    ValueTask<IReadOnlyDictionary<string, object?>> GetConnectionsAsync(CancellationToken cancellationToken)
        => ValueTask.FromResult<IReadOnlyDictionary<string, object?>>(new Dictionary<string, object?>());

    /// <summary>Reports the server's logged-in users, for the <c>logins</c> command.</summary>
    /// <param name="cancellationToken">Cancelled when the node stops.</param>
    /// <returns>Name → value pairs; values must be JSON-serialisable.</returns>
    ValueTask<IReadOnlyDictionary<string, object?>> GetLoginsAsync(CancellationToken cancellationToken)
        => ValueTask.FromResult<IReadOnlyDictionary<string, object?>>(new Dictionary<string, object?>());

    /// <summary>Names the application's components (like pomelo's <c>app.components</c>), for the <c>components</c> command.</summary>
    /// <returns>The component names.</returns>
    IReadOnlyList<string> GetComponents() => [];
}
