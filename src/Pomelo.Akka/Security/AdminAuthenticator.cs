using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Pomelo.Akka.Security;

/// <summary>
/// Authenticates admin client logins (with per-address throttling) and monitor server registrations against the
/// configured <c>adminUser.json</c> and <c>adminServer.json</c>. Thread-safe. Unlike pomelo, monitor servers are
/// rejected when no server file is configured, unless <see cref="AdminAuthOptions.AllowUnauthenticatedServers"/> is on.
/// </summary>
public sealed partial class AdminAuthenticator
{
    private const int MaxLoggedUsernameLength = 64;

    private readonly ILogger<AdminAuthenticator> _logger;
    private readonly LoginThrottle _throttle;

    /// <summary>Creates the authenticator, loading the files named in the options.</summary>
    /// <param name="options">The <c>pomelo:auth</c> settings.</param>
    /// <param name="timeProvider">The clock used for login throttling.</param>
    /// <param name="logger">The logger.</param>
    /// <exception cref="FileNotFoundException">A configured file does not exist; the message names the path.</exception>
    /// <exception cref="InvalidDataException">A configured file is malformed; the message names the path.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A throttling setting is out of range.</exception>
    public AdminAuthenticator(IOptions<AdminAuthOptions> options, TimeProvider timeProvider, ILogger<AdminAuthenticator> logger)
        : this(LoadUsers(options, logger), LoadServers(options, logger), options.Value, timeProvider, logger)
    {
    }

    private AdminAuthenticator(AdminUserStore users, ServerTokenStore serverTokens, AdminAuthOptions options, TimeProvider timeProvider, ILogger<AdminAuthenticator> logger)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        Users = users;
        ServerTokens = serverTokens;
        _logger = logger;
        _throttle = new LoginThrottle(options.MaxFailedLogins, options.FailedLoginWindow, options.LockoutDuration, timeProvider, options.MaxTrackedAddresses);
        var plaintext = users.Users.Count(u => !u.HasHashedPassword);
        if (plaintext > 0)
        {
            LogPlaintextPasswords(logger, plaintext);
        }
    }

    /// <summary>The admin users logins are checked against.</summary>
    public AdminUserStore Users { get; }

    /// <summary>The server tokens registrations are checked against; a monitor also uses it to find the token it sends.</summary>
    public ServerTokenStore ServerTokens { get; }

    /// <summary>
    /// Creates an authenticator from in-memory stores (for tests and embedding); file paths in
    /// <paramref name="options"/> are ignored, only its throttling settings are used.
    /// </summary>
    /// <param name="users">The admin users.</param>
    /// <param name="serverTokens">The server tokens, or <see cref="ServerTokenStore.Closed"/> / <see cref="ServerTokenStore.Open"/>.</param>
    /// <param name="options">The throttling settings.</param>
    /// <param name="timeProvider">The clock used for login throttling.</param>
    /// <param name="logger">The logger.</param>
    /// <returns>The authenticator.</returns>
    public static AdminAuthenticator Create(AdminUserStore users, ServerTokenStore serverTokens, AdminAuthOptions options, TimeProvider timeProvider, ILogger<AdminAuthenticator> logger)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(serverTokens);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        return new AdminAuthenticator(users, serverTokens, options, timeProvider, logger);
    }

    /// <summary>
    /// Checks an admin client login (<c>{type:"client", username, password, md5}</c>). A locked-out address is refused
    /// without checking the password; a failure counts towards a lockout and a success clears the count.
    /// The outcome is logged; the password never is.
    /// </summary>
    /// <param name="remote">The client's remote address.</param>
    /// <param name="username">The username sent.</param>
    /// <param name="password">The password sent, or its md5 hex when <paramref name="md5"/> is true.</param>
    /// <param name="md5">Whether the client sent the md5 hex of the password.</param>
    /// <returns>The user on success, otherwise the reason (for logs only; do not reveal it to the client).</returns>
    public ClientAuthResult AuthenticateClient(IPAddress remote, string? username, string? password, bool md5)
    {
        ArgumentNullException.ThrowIfNull(remote);
        var shownName = Shorten(username);
        if (_throttle.IsLockedOut(remote))
        {
            LogClientRejectedLockedOut(_logger, shownName, remote);
            return ClientAuthResult.LockedOut();
        }

        var result = Users.Authenticate(username, password, md5);
        if (result.Success)
        {
            _throttle.RecordSuccess(remote);
            LogClientLoggedIn(_logger, shownName!, result.User.Level, remote);
            return ClientAuthResult.From(result);
        }

        if (Users.Count == 0)
        {
            LogClientNoUsers(_logger, shownName, remote);
        }
        else if (result.FailureReason == AuthFailureReason.Md5NotPossibleForHashedPassword)
        {
            LogClientMd5NotPossible(_logger, shownName!, remote);
        }
        else
        {
            LogClientLoginFailed(_logger, shownName, remote, result.FailureReason);
        }

        _throttle.RecordFailure(remote);
        if (_throttle.IsLockedOut(remote))
        {
            LogClientLockedOut(_logger, remote, _throttle.LockoutDuration, _throttle.MaxFailures);
        }

        return ClientAuthResult.From(result);
    }

    /// <summary>
    /// Checks a monitor server registration (<c>{type:"monitor", serverType, token}</c>) and logs a rejection;
    /// the token is never logged.
    /// </summary>
    /// <param name="remote">The monitor's remote address.</param>
    /// <param name="serverType">The server type the monitor claims.</param>
    /// <param name="token">The token the monitor sent.</param>
    /// <returns>True when the monitor may register.</returns>
    public bool AuthenticateServer(IPAddress remote, string? serverType, string? token)
    {
        ArgumentNullException.ThrowIfNull(remote);
        var shownType = Shorten(serverType);
        var accepted = ServerTokens.Verify(serverType, token);
        switch (ServerTokens.Mode)
        {
            case ServerTokenMode.Open:
                LogServerAcceptedOpen(_logger, shownType, remote);
                break;
            case ServerTokenMode.Closed:
                LogServerRejectedClosed(_logger, shownType, remote);
                break;
            default:
                if (accepted)
                {
                    LogServerAccepted(_logger, shownType, remote);
                }
                else
                {
                    LogServerRejected(_logger, shownType, remote);
                }

                break;
        }

        return accepted;
    }

    private static string? Shorten(string? value) =>
        value is { Length: > MaxLoggedUsernameLength } ? string.Concat(value.AsSpan(0, MaxLoggedUsernameLength), "…") : value;

    private static AdminUserStore LoadUsers(IOptions<AdminAuthOptions> options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        var path = options.Value.AdminUserFile;
        if (string.IsNullOrWhiteSpace(path))
        {
            LogNoUserFile(logger);
            return AdminUserStore.Empty;
        }

        var users = AdminUserStore.Load(path);
        LogUsersLoaded(logger, users.Count, Path.GetFullPath(path));
        return users;
    }

    private static ServerTokenStore LoadServers(IOptions<AdminAuthOptions> options, ILogger logger)
    {
        var path = options.Value.AdminServerFile;
        if (!string.IsNullOrWhiteSpace(path))
        {
            var servers = ServerTokenStore.Load(path);
            LogServerTokensLoaded(logger, servers.Entries.Count, Path.GetFullPath(path));
            return servers;
        }

        if (options.Value.AllowUnauthenticatedServers)
        {
            LogServersOpen(logger);
            return ServerTokenStore.Open;
        }

        LogServersClosed(logger);
        return ServerTokenStore.Closed;
    }
}
