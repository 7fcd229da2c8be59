using System.Net;
using Microsoft.Extensions.Logging;

namespace Pomelo.Akka.Security;

/// <summary>Source-generated log messages of <see cref="AdminAuthenticator"/> (event ids 5000–5099). Never logs secrets.</summary>
public sealed partial class AdminAuthenticator
{
    [LoggerMessage(EventId = 5000, Level = LogLevel.Information, Message = "Loaded {Count} admin users from {Path}")]
    private static partial void LogUsersLoaded(ILogger logger, int count, string path);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "No admin user file is configured (pomelo:auth:AdminUserFile); every admin client login will be refused")]
    private static partial void LogNoUserFile(ILogger logger);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "{Count} admin users have plaintext passwords; store PBKDF2 hashes instead")]
    private static partial void LogPlaintextPasswords(ILogger logger, int count);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "Loaded {Count} server tokens from {Path}")]
    private static partial void LogServerTokensLoaded(ILogger logger, int count, string path);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Warning, Message = "No admin server file is configured (pomelo:auth:AdminServerFile); every monitor server will be rejected")]
    private static partial void LogServersClosed(ILogger logger);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Warning, Message = "No admin server file is configured and AllowUnauthenticatedServers is on; every monitor server will be accepted without a token")]
    private static partial void LogServersOpen(ILogger logger);

    [LoggerMessage(EventId = 5010, Level = LogLevel.Information, Message = "Admin client {Username} (level {Level}) logged in from {Remote}")]
    private static partial void LogClientLoggedIn(ILogger logger, string username, int level, IPAddress remote);

    [LoggerMessage(EventId = 5011, Level = LogLevel.Warning, Message = "Admin client login as {Username} from {Remote} refused: {Reason}")]
    private static partial void LogClientLoginFailed(ILogger logger, string? username, IPAddress remote, AuthFailureReason reason);

    [LoggerMessage(EventId = 5012, Level = LogLevel.Warning, Message = "Admin client login as {Username} from {Remote} refused: the client sent an md5 digest but the stored password is hashed; the client must log in with md5 off")]
    private static partial void LogClientMd5NotPossible(ILogger logger, string username, IPAddress remote);

    [LoggerMessage(EventId = 5013, Level = LogLevel.Warning, Message = "Admin client login as {Username} from {Remote} refused: no admin users are configured")]
    private static partial void LogClientNoUsers(ILogger logger, string? username, IPAddress remote);

    [LoggerMessage(EventId = 5014, Level = LogLevel.Warning, Message = "{Remote} is locked out of admin logins for {Duration} after {Failures} failed logins")]
    private static partial void LogClientLockedOut(ILogger logger, IPAddress remote, TimeSpan duration, int failures);

    [LoggerMessage(EventId = 5015, Level = LogLevel.Debug, Message = "Admin client login as {Username} from {Remote} refused: the address is locked out")]
    private static partial void LogClientRejectedLockedOut(ILogger logger, string? username, IPAddress remote);

    [LoggerMessage(EventId = 5020, Level = LogLevel.Debug, Message = "Monitor server of type {ServerType} from {Remote} authenticated")]
    private static partial void LogServerAccepted(ILogger logger, string? serverType, IPAddress remote);

    [LoggerMessage(EventId = 5021, Level = LogLevel.Warning, Message = "Monitor server of type {ServerType} from {Remote} rejected: missing or wrong token for that server type")]
    private static partial void LogServerRejected(ILogger logger, string? serverType, IPAddress remote);

    [LoggerMessage(EventId = 5022, Level = LogLevel.Warning, Message = "Monitor server of type {ServerType} from {Remote} rejected: no admin server file is configured")]
    private static partial void LogServerRejectedClosed(ILogger logger, string? serverType, IPAddress remote);

    [LoggerMessage(EventId = 5023, Level = LogLevel.Information, Message = "Monitor server of type {ServerType} from {Remote} accepted without a token (AllowUnauthenticatedServers)")]
    private static partial void LogServerAcceptedOpen(ILogger logger, string? serverType, IPAddress remote);
}
