namespace Pomelo.Akka.Security;

/// <summary>How a <see cref="ServerTokenStore"/> decides whether a monitor server may register.</summary>
public enum ServerTokenMode
{
    /// <summary>Only a server presenting a configured token for its server type is accepted.</summary>
    Tokens = 0,

    /// <summary>Every server is rejected; the safe default when no <c>adminServer.json</c> is configured.</summary>
    Closed,

    /// <summary>Every server is accepted, as pomelo did without <c>adminServer.json</c>; only when explicitly configured.</summary>
    Open,
}
