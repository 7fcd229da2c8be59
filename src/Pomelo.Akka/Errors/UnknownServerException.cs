namespace Pomelo.Akka.Errors;

/// <summary>A request or notify addressed to a server id that is not registered.</summary>
/// <param name="serverId">The unknown id.</param>
public sealed class UnknownServerException(string serverId)
    : AdminRequestException("unknown server id:" + serverId)
{
    /// <summary>Gets the unknown server id.</summary>
    public string ServerId { get; } = serverId;
}
