using System.Text.Json;

namespace Pomelo.Akka.Protocol;

/// <summary>
/// A <c>register</c> or <c>reconnect</c> body: <c>{id, type:"monitor", serverType, pid, info, token}</c> from a monitor,
/// <c>{type:"client", id, username, password, md5}</c> from a client.
/// </summary>
/// <param name="Type"><c>monitor</c> or <c>client</c>.</param>
/// <param name="Id">The server id or client id.</param>
/// <param name="ServerType">A monitor's server type.</param>
/// <param name="Pid">A monitor's process id.</param>
/// <param name="Info">A monitor's server info (host, port and any extra configured fields).</param>
/// <param name="Token">A monitor's token for its server type.</param>
/// <param name="Username">A client's user name.</param>
/// <param name="Password">A client's password, or its md5 hex when <paramref name="Md5"/> is true.</param>
/// <param name="Md5">Whether <paramref name="Password"/> is an md5 hex digest.</param>
public sealed record RegisterRequest(
    string? Type,
    string? Id,
    string? ServerType = null,
    long? Pid = null,
    JsonElement? Info = null,
    string? Token = null,
    string? Username = null,
    string? Password = null,
    bool Md5 = false)
{
    /// <summary>The <c>type</c> value of a monitor registration.</summary>
    public const string MonitorType = "monitor";

    /// <summary>The <c>type</c> value of a client registration.</summary>
    public const string ClientType = "client";
}
