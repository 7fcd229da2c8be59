namespace Pomelo.Akka.Starter;

/// <summary>
/// Launches and controls server processes for the master's console: the configured servers at start, and the
/// servers that <c>add</c> / <c>restart</c> bring up. Nodes without one (tests, embedded masters) cannot start or
/// kill processes, and the console says so.
/// </summary>
public interface IServerStarter
{
    /// <summary>Gets the configured servers (pomelo's servers.json for the environment).</summary>
    IReadOnlyList<ServerSpec> Configured { get; }

    /// <summary>Gets the servers launched so far.</summary>
    IReadOnlyList<ManagedServer> Servers { get; }

    /// <summary>Launches a server process.</summary>
    /// <param name="spec">The server.</param>
    /// <param name="cancellationToken">Cancels the launch.</param>
    /// <returns>The launched server.</returns>
    Task<ManagedServer> StartAsync(ServerSpec spec, CancellationToken cancellationToken = default);

    /// <summary>Asks a launched server to stop (SIGTERM), waits up to <paramref name="grace"/>, then kills it; it is not auto-restarted.</summary>
    /// <param name="serverId">The server.</param>
    /// <param name="grace">How long to wait before killing.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>False when the server was not launched by this starter or is not running.</returns>
    Task<bool> StopAsync(string serverId, TimeSpan grace, CancellationToken cancellationToken = default);

    /// <summary>Kills a launched server at once (SIGKILL); it is not auto-restarted.</summary>
    /// <param name="serverId">The server.</param>
    /// <param name="cancellationToken">Cancels the wait for its exit.</param>
    /// <returns>False when the server was not launched by this starter or is not running.</returns>
    Task<bool> KillAsync(string serverId, CancellationToken cancellationToken = default);
}
