namespace Pomelo.Akka.Security;

/// <summary>Why an admin client login was refused; for server-side logs only, never sent to the client.</summary>
public enum AuthFailureReason
{
    /// <summary>The login succeeded; there is no failure.</summary>
    None = 0,

    /// <summary>The login carried no username (missing or empty).</summary>
    MissingUsername,

    /// <summary>No user with that username is configured.</summary>
    UnknownUser,

    /// <summary>The user exists but the password (or its md5) did not match.</summary>
    WrongPassword,

    /// <summary>
    /// The client sent an md5 of the password (<c>md5: true</c>) but the stored password is a PBKDF2 hash,
    /// so there is no plaintext to take the md5 of; the client must log in with <c>md5: false</c>.
    /// </summary>
    Md5NotPossibleForHashedPassword,

    /// <summary>The remote address is locked out after too many failed logins; the password was not checked.</summary>
    LockedOut,
}
