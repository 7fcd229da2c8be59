namespace Pomelo.Akka.Errors;

/// <summary>A request whose peer disconnected (or was removed) before it replied.</summary>
/// <param name="peer">The server id or <c>master</c>.</param>
public sealed class PeerDisconnectedException(string peer)
    : AdminRequestException($"{peer} disconnected before replying")
{
    /// <summary>Gets the peer that went away.</summary>
    public string Peer { get; } = peer;
}
