using System.Text.Json;
using Pomelo.Akka.Master;

namespace Pomelo.Akka.Console;

/// <summary>A module's handler for admin clients' requests and notifies, on the master.</summary>
public interface IClientHandler : IAdminModule
{
    /// <summary>Handles a client's request or notify.</summary>
    /// <param name="agent">The master agent.</param>
    /// <param name="caller">The authenticated client; check its level, never ids the body carries.</param>
    /// <param name="message">The body as the client sent it.</param>
    /// <param name="cancellationToken">Cancelled when the node stops.</param>
    /// <returns>The reply body for a request; ignored for a notify.</returns>
    ValueTask<object?> ClientHandlerAsync(IMasterAgent agent, ClientCaller caller, JsonElement? message, CancellationToken cancellationToken);
}
