using System.Text.Json;
using Pomelo.Akka.Monitor;

namespace Pomelo.Akka.Console;

/// <summary>A module's monitor-side handler: a message from the master, or a push tick.</summary>
public interface IMonitorHandler : IAdminModule
{
    /// <summary>Handles the master's request or notify, or a push tick.</summary>
    /// <param name="agent">The monitor agent, to request or notify the master.</param>
    /// <param name="message">The body; null on a scheduled tick, which is how a tick is told from a message.</param>
    /// <param name="cancellationToken">Cancelled when the node stops.</param>
    /// <returns>The reply body for a request; ignored for a notify or tick.</returns>
    ValueTask<object?> MonitorHandlerAsync(IMonitorAgent agent, JsonElement? message, CancellationToken cancellationToken);
}
