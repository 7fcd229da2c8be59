using System.Diagnostics.CodeAnalysis;

namespace Pomelo.Akka.Security;

/// <summary>
/// The outcome of an admin client login through <see cref="AdminAuthenticator.AuthenticateClient"/>,
/// after throttling; the reason is for logs only and must not be revealed to the client.
/// </summary>
public sealed record ClientAuthResult
{
    private ClientAuthResult(AdminUser? user, AuthFailureReason failureReason)
    {
        User = user;
        FailureReason = failureReason;
    }

    /// <summary>The logged-in user, or <see langword="null"/> when the login was refused.</summary>
    public AdminUser? User { get; }

    /// <summary>Why the login was refused, or <see cref="AuthFailureReason.None"/> when it succeeded.</summary>
    public AuthFailureReason FailureReason { get; }

    /// <summary>Whether the login was accepted; when true, <see cref="User"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(User))]
    public bool Success => User is not null;

    /// <summary>Whether the login was refused because the remote address is locked out.</summary>
    public bool IsLockedOut => FailureReason == AuthFailureReason.LockedOut;

    /// <summary>Converts a store-level result into a client login result.</summary>
    /// <param name="result">The result of the credential check.</param>
    /// <returns>The equivalent client login result.</returns>
    public static ClientAuthResult From(AuthResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new ClientAuthResult(result.User, result.FailureReason);
    }

    /// <summary>Creates the result for a login refused because the remote address is locked out.</summary>
    /// <returns>A failed result with <see cref="AuthFailureReason.LockedOut"/>.</returns>
    public static ClientAuthResult LockedOut() => new(null, AuthFailureReason.LockedOut);
}
