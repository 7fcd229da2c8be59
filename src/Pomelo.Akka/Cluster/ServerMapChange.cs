namespace Pomelo.Akka.Cluster;

/// <summary>A change of a node's server map.</summary>
/// <param name="Kind">Added, removed, or the whole map replaced.</param>
/// <param name="Id">The server concerned (empty for a replace).</param>
/// <param name="Server">The added server, if any.</param>
public sealed record ServerMapChange(ServerMapChangeKind Kind, string Id, ServerEntry? Server);

/// <summary>The kinds of server map change.</summary>
public enum ServerMapChangeKind
{
    /// <summary>A server was added (or updated to a newer incarnation).</summary>
    Added,

    /// <summary>A server was removed.</summary>
    Removed,

    /// <summary>The whole map was replaced by the master's view.</summary>
    Replaced,
}
