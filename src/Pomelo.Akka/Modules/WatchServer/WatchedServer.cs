using System.Text.Json;
using Pomelo.Akka.Cluster;

namespace Pomelo.Akka.Modules.WatchServer;

/// <summary>One row of the <c>servers</c> reply: <c>{id, serverType, host, port, pid, status}</c>.</summary>
/// <param name="Id">The server id.</param>
/// <param name="ServerType">The server type.</param>
/// <param name="Host">Its host, if known.</param>
/// <param name="Port">Its port, if known.</param>
/// <param name="Pid">Its process id, if known.</param>
/// <param name="Status">Its membership state (<c>Up</c>, <c>Unreachable</c>, <c>Leaving</c>); a server map only holds <c>Up</c> servers.</param>
internal sealed record WatchedServer(string Id, string ServerType, string? Host, int? Port, long? Pid, string Status)
{
    /// <summary>A member as the master's membership sees it.</summary>
    public static WatchedServer FromMember(Member member)
        => new(member.Id, member.ServerType, member.Host, member.Port, member.Pid, member.Status.ToString());

    /// <summary>An entry of a monitor's server map (which only holds servers that are Up).</summary>
    public static WatchedServer FromEntry(ServerEntry entry)
    {
        long? pid = entry.Info.ValueKind == JsonValueKind.Object && entry.Info.TryGetProperty("pid", out var p) && p.TryGetInt64(out var n) ? n : null;
        return new(entry.Id, entry.ServerType, entry.Host, entry.Port, pid, nameof(MemberStatus.Up));
    }
}
