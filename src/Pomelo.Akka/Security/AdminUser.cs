using System.Text;

namespace Pomelo.Akka.Security;

/// <summary>
/// An admin console user, as listed in pomelo's <c>adminUser.json</c>
/// (<c>{ "id": "user-1", "username": "admin", "password": "admin", "level": 1 }</c>).
/// </summary>
/// <param name="Id">The user's identifier (pomelo's <c>id</c>, e.g. <c>user-1</c>).</param>
/// <param name="Username">The login name; matched case-sensitively (ordinal), as pomelo does.</param>
/// <param name="Password">
/// Either the plaintext password (pomelo's format) or a salted hash produced by
/// <see cref="PasswordHasher.Hash(string, int)"/> (<c>pbkdf2-sha256$&lt;iterations&gt;$&lt;salt&gt;$&lt;hash&gt;</c>).
/// It is never included in <see cref="object.ToString"/>.
/// </param>
/// <param name="Level">The privilege level; lower is more privileged (pomelo uses 1 for full admin), 3 is the least privilege.</param>
public sealed record AdminUser(string Id, string Username, string Password, int Level)
{
    /// <summary>Whether <see cref="Password"/> holds a PBKDF2 hash rather than a plaintext password.</summary>
    public bool HasHashedPassword => PasswordHasher.IsHashed(Password);

    // Redacts the password from the compiler-generated ToString so a logged user never leaks it.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Id = ").Append(Id)
            .Append(", Username = ").Append(Username)
            .Append(", Password = <redacted>")
            .Append(", Level = ").Append(Level);
        return true;
    }
}
