namespace Pomelo.Akka.Protocol;

/// <summary>Reply codes and the exact reply texts of pomelo-admin 1.0.1's registration.</summary>
public static class ProtocolCodes
{
    /// <summary>Registration accepted.</summary>
    public const int Ok = 1;

    /// <summary>Registration refused; the master disconnects after sending it.</summary>
    public const int Fail = -1;

    /// <summary>The reply text of an accepted registration.</summary>
    public const string OkMessage = "ok";

    /// <summary>A monitor whose token does not match its server type (or no token file exists).</summary>
    public const string ServerAuthFailed = "server auth failed";

    /// <summary>A client whose user name is unknown or whose password is wrong.</summary>
    public const string ClientAuthFailed = "client auth failed with username or password error";

    /// <summary>A client that sent no user name.</summary>
    public const string ClientNeedsUsername = "client should auth with username";

    /// <summary>A register whose <c>type</c> is neither <c>monitor</c> nor <c>client</c>.</summary>
    public const string UnknownType = "unknown auth master type";

    /// <summary>A connection that did not register before the register deadline.</summary>
    public const string RegisterTimeout = "register timeout";

    /// <summary>A register or reconnect that lacks the id field.</summary>
    public const string MissingId = "register lacks an id";

    /// <summary>A client whose address has failed too many logins recently.</summary>
    public const string TooManyFailures = "too many failed logins, try again later";

    /// <summary>The text for an id that already has a live registration.</summary>
    /// <param name="id">The duplicate id.</param>
    /// <returns>pomelo's message for a duplicate id.</returns>
    public static string IdRegistered(string id) => "id has been registered. id:" + id;
}
