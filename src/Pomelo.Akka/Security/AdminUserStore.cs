using System.Security.Cryptography;
using System.Text.Json;

namespace Pomelo.Akka.Security;

/// <summary>
/// The configured admin users (pomelo's <c>adminUser.json</c>) and the credential check for admin client logins.
/// Immutable and thread-safe. Usernames are unique and matched ordinally (case-sensitive), as in pomelo.
/// </summary>
public sealed class AdminUserStore
{
    /// <summary>
    /// The level given to a user whose entry has no <c>level</c>: 3, the least privilege,
    /// so a forgotten field never grants more than viewing.
    /// </summary>
    public const int DefaultLevel = 3;

    private const string FileDescription = "admin user file";

    private readonly Dictionary<string, AdminUser> _byUsername;

    // Compared against when the username is unknown, so that an unknown user costs about as much as a known one.
    private readonly string _decoyPlaintext = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
    private readonly string? _decoyHash;

    /// <summary>Creates a store holding <paramref name="users"/>.</summary>
    /// <param name="users">The users; each needs a non-empty username and password, and usernames must be unique.</param>
    /// <exception cref="ArgumentException">A user lacks a username or password, or a username is duplicated.</exception>
    public AdminUserStore(IEnumerable<AdminUser> users)
    {
        ArgumentNullException.ThrowIfNull(users);
        _byUsername = new Dictionary<string, AdminUser>(StringComparer.Ordinal);
        var list = new List<AdminUser>();
        foreach (var user in users)
        {
            ArgumentNullException.ThrowIfNull(user, nameof(users));
            if (string.IsNullOrEmpty(user.Username) || string.IsNullOrEmpty(user.Password))
            {
                throw new ArgumentException($"Admin user '{user.Id}' needs a non-empty username and password.", nameof(users));
            }

            if (!_byUsername.TryAdd(user.Username, user))
            {
                throw new ArgumentException($"Admin username '{user.Username}' is listed more than once.", nameof(users));
            }

            list.Add(user);
        }

        Users = list.AsReadOnly();
        var hashed = list.FirstOrDefault(u => u.HasHashedPassword);
        if (hashed is not null && PasswordHasher.TryParse(hashed.Password, out var iterations, out _, out _))
        {
            _decoyHash = PasswordHasher.CreateDecoy(iterations);
        }
    }

    /// <summary>A store with no users, in which every login fails.</summary>
    public static AdminUserStore Empty { get; } = new([]);

    /// <summary>The users, in file order.</summary>
    public IReadOnlyList<AdminUser> Users { get; }

    /// <summary>The number of users.</summary>
    public int Count => Users.Count;

    /// <summary>Loads a pomelo <c>adminUser.json</c> file.</summary>
    /// <param name="path">The file path, absolute or relative to the current directory.</param>
    /// <returns>The store.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist; the message names the path.</exception>
    /// <exception cref="InvalidDataException">The file is malformed; the message names the path and the problem.</exception>
    public static AdminUserStore Load(string path) => AdminAuthFileReader.Load(path, FileDescription, Parse);

    /// <summary>
    /// Parses the JSON of a pomelo <c>adminUser.json</c> file: an array of
    /// <c>{ "id", "username", "password", "level" }</c>. Extra fields are ignored; a missing <c>id</c> defaults to the
    /// username and a missing <c>level</c> to <see cref="DefaultLevel"/>.
    /// </summary>
    /// <param name="json">The file content.</param>
    /// <returns>The store.</returns>
    /// <exception cref="JsonException">The text is not valid JSON.</exception>
    /// <exception cref="InvalidDataException">An entry lacks a username or password, or a username is duplicated.</exception>
    public static AdminUserStore Parse(string json)
    {
        var users = AdminAuthFileReader.ParseArray(json, ReadUser);
        try
        {
            return new AdminUserStore(users);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidDataException(ex.Message, ex);
        }
    }

    /// <summary>
    /// Checks a login. With <paramref name="md5"/> false the password is the plaintext; with it true it is the
    /// lowercase hex md5 of the plaintext (pomelo's client option), which cannot be checked against a hashed
    /// password. An unknown username does a decoy check of the same kind so it costs about as much as a known one.
    /// </summary>
    /// <param name="username">The username sent by the client.</param>
    /// <param name="password">The password, or its md5 hex when <paramref name="md5"/> is true; null counts as empty.</param>
    /// <param name="md5">Whether <paramref name="password"/> is the md5 hex of the password.</param>
    /// <returns>The user on success, otherwise the reason for the failure.</returns>
    public AuthResult Authenticate(string? username, string? password, bool md5)
    {
        if (string.IsNullOrEmpty(username))
        {
            return AuthResult.Failed(AuthFailureReason.MissingUsername);
        }

        password ??= string.Empty;
        if (!_byUsername.TryGetValue(username, out var user))
        {
            _ = Check(password, md5, md5 ? _decoyPlaintext : _decoyHash ?? _decoyPlaintext);
            return AuthResult.Failed(AuthFailureReason.UnknownUser);
        }

        if (md5 && user.HasHashedPassword)
        {
            return AuthResult.Failed(AuthFailureReason.Md5NotPossibleForHashedPassword);
        }

        return Check(password, md5, user.Password)
            ? AuthResult.Succeeded(user)
            : AuthResult.Failed(AuthFailureReason.WrongPassword);
    }

    private static bool Check(string password, bool md5, string stored) =>
        md5 ? PasswordHasher.VerifyMd5(password, stored) : PasswordHasher.Verify(password, stored);

    private static AdminUser ReadUser(JsonElement entry, int index)
    {
        var username = AdminAuthFileReader.RequiredString(entry, index, "username");
        var password = AdminAuthFileReader.RequiredString(entry, index, "password");
        var id = AdminAuthFileReader.OptionalString(entry, index, "id") ?? username;
        var level = AdminAuthFileReader.OptionalInt(entry, index, "level") ?? DefaultLevel;
        return new AdminUser(id, username, password, level);
    }
}
