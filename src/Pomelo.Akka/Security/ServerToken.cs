using System.Text;

namespace Pomelo.Akka.Security;

/// <summary>
/// One entry of pomelo's <c>adminServer.json</c>: the token a monitor of <paramref name="ServerType"/> must present
/// to register (<c>{ "type": "connector", "token": "…" }</c>). The token is never included in <see cref="object.ToString"/>.
/// </summary>
/// <param name="ServerType">The server type (pomelo's <c>type</c>, e.g. <c>connector</c>).</param>
/// <param name="Token">The shared secret for that server type.</param>
public sealed record ServerToken(string ServerType, string Token)
{
    // Redacts the token from the compiler-generated ToString so a logged entry never leaks it.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("ServerType = ").Append(ServerType).Append(", Token = <redacted>");
        return true;
    }
}
