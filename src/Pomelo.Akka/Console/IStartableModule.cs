namespace Pomelo.Akka.Console;

/// <summary>A module with start-up work, run after the node's modules are enabled (and again after a restart).</summary>
public interface IStartableModule : IAdminModule
{
    /// <summary>Runs the module's start-up work.</summary>
    /// <param name="cancellationToken">Cancelled when the node stops.</param>
    /// <returns>A task that completes when start-up is done.</returns>
    ValueTask StartAsync(CancellationToken cancellationToken);
}
