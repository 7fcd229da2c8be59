namespace Pomelo.Akka.Errors;

/// <summary>A request whose target server was removed from the cluster before it replied.</summary>
/// <param name="serverId">The removed server.</param>
public sealed class MemberRemovedException(string serverId)
    : AdminRequestException($"server {serverId} was removed from the cluster before replying")
{
    /// <summary>Gets the removed server.</summary>
    public string ServerId { get; } = serverId;
}
