using System.Diagnostics.CodeAnalysis;

namespace Pomelo.Akka.Security;

/// <summary>The outcome of checking a username and password against an <see cref="AdminUserStore"/>.</summary>
public sealed record AuthResult
{
    private AuthResult(AdminUser? user, AuthFailureReason failureReason)
    {
        User = user;
        FailureReason = failureReason;
    }

    /// <summary>The authenticated user, or <see langword="null"/> when the check failed.</summary>
    public AdminUser? User { get; }

    /// <summary>Why the check failed, or <see cref="AuthFailureReason.None"/> when it succeeded.</summary>
    public AuthFailureReason FailureReason { get; }

    /// <summary>Whether the credentials were accepted; when true, <see cref="User"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(User))]
    public bool Success => User is not null;

    /// <summary>Creates a successful result for <paramref name="user"/>.</summary>
    /// <param name="user">The user whose credentials matched.</param>
    /// <returns>A result with <see cref="Success"/> true.</returns>
    public static AuthResult Succeeded(AdminUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new AuthResult(user, AuthFailureReason.None);
    }

    /// <summary>Creates a failed result with the given reason.</summary>
    /// <param name="reason">Why the check failed; must not be <see cref="AuthFailureReason.None"/>.</param>
    /// <returns>A result with <see cref="Success"/> false.</returns>
    public static AuthResult Failed(AuthFailureReason reason)
    {
        if (reason == AuthFailureReason.None)
        {
            throw new ArgumentOutOfRangeException(nameof(reason), reason, "A failed result needs a failure reason.");
        }

        return new AuthResult(null, reason);
    }
}
