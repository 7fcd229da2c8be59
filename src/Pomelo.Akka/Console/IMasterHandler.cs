using System.Text.Json;
using Pomelo.Akka.Master;

namespace Pomelo.Akka.Console;

/// <summary>A module's master-side handler: a message from a monitor, or a pull tick.</summary>
public interface IMasterHandler : IAdminModule
{
    /// <summary>Handles a monitor's request or notify, or a pull tick.</summary>
    /// <param name="agent">The master agent, to request or notify servers and to reach the module cache.</param>
    /// <param name="message">The body; null on a scheduled tick, which is how a tick is told from a message.</param>
    /// <param name="cancellationToken">Cancelled when the node stops.</param>
    /// <returns>The reply body for a request; ignored for a notify or tick.</returns>
    ValueTask<object?> MasterHandlerAsync(IMasterAgent agent, JsonElement? message, CancellationToken cancellationToken);
}
