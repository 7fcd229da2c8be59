using System.Net;

namespace Pomelo.Akka.Console;

/// <summary>The authenticated admin client a request came from.</summary>
/// <param name="ClientId">The id the client registered with.</param>
/// <param name="Username">The user it logged in as.</param>
/// <param name="Level">Its access level: 1 admin, 2 operator, 3 viewer.</param>
/// <param name="RemoteAddress">The address it connected from.</param>
public sealed record ClientCaller(string ClientId, string Username, int Level, IPAddress RemoteAddress)
{
    /// <summary>Gets whether the caller has at least the given level (a lower number is more privilege).</summary>
    /// <param name="required">The highest level number allowed.</param>
    /// <returns>True when <see cref="Level"/> is at most <paramref name="required"/>.</returns>
    public bool HasLevel(int required) => Level >= 1 && Level <= required;
}
