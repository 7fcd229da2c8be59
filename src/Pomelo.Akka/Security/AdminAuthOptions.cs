namespace Pomelo.Akka.Security;

/// <summary>
/// Settings for authenticating admin clients and monitor servers, bound from the <c>pomelo:auth</c> configuration section.
/// </summary>
public sealed class AdminAuthOptions
{
    /// <summary>The configuration section these options are bound from: <c>pomelo:auth</c>.</summary>
    public const string SectionName = "pomelo:auth";

    /// <summary>
    /// Path of the pomelo <c>adminUser.json</c> file (relative paths resolve against the current directory).
    /// Default: <see langword="null"/>, meaning no admin users, so every client login fails.
    /// A configured path that does not exist is a startup error.
    /// </summary>
    public string? AdminUserFile { get; set; }

    /// <summary>
    /// Path of the pomelo <c>adminServer.json</c> file of per-server-type tokens.
    /// Default: <see langword="null"/>, meaning every monitor server is rejected unless
    /// <see cref="AllowUnauthenticatedServers"/> is true. A configured path that does not exist is a startup error.
    /// </summary>
    public string? AdminServerFile { get; set; }

    /// <summary>
    /// Whether, when <see cref="AdminServerFile"/> is not set, monitor servers are accepted without a token
    /// (pomelo's behaviour). Ignored when a server file is configured. Default: <see langword="false"/>.
    /// </summary>
    public bool AllowUnauthenticatedServers { get; set; }

    /// <summary>Failed client logins from one address within <see cref="FailedLoginWindow"/> that lock it out. Default: 5.</summary>
    public int MaxFailedLogins { get; set; } = 5;

    /// <summary>How long failed logins are counted together, from the first one. Default: 1 minute.</summary>
    public TimeSpan FailedLoginWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long an address stays locked out; further failures do not extend it. Default: 5 minutes.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The most remote addresses tracked for failed logins at once. Default: 10,000.</summary>
    public int MaxTrackedAddresses { get; set; } = LoginThrottle.DefaultCapacity;
}
