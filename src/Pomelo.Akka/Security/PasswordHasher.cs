using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Pomelo.Akka.Security;

/// <summary>
/// Pure functions to hash admin passwords with salted PBKDF2-SHA256 and to verify passwords, md5 digests
/// and hashes in constant time. The hash format is <c>pbkdf2-sha256$&lt;iterations&gt;$&lt;base64 salt&gt;$&lt;base64 hash&gt;</c>.
/// </summary>
public static class PasswordHasher
{
    /// <summary>The scheme name that starts every hash string this class produces.</summary>
    public const string Scheme = "pbkdf2-sha256";

    /// <summary>The PBKDF2 iteration count <see cref="Hash"/> uses when none is given: 100,000.</summary>
    public const int DefaultIterations = 100_000;

    /// <summary>The largest iteration count accepted when hashing or verifying: 10,000,000.</summary>
    public const int MaxIterations = 10_000_000;

    /// <summary>The size in bytes of the random salt <see cref="Hash"/> generates: 16.</summary>
    public const int SaltSize = 16;

    /// <summary>The size in bytes of the derived key <see cref="Hash"/> stores: 32.</summary>
    public const int HashSize = 32;

    private const string Prefix = Scheme + "$";
    private const int MinStoredHashSize = 16;
    private const int MaxStoredHashSize = 64;

    /// <summary>Hashes <paramref name="password"/> with a fresh random salt.</summary>
    /// <param name="password">The plaintext password.</param>
    /// <param name="iterations">The PBKDF2 iteration count, between 1 and <see cref="MaxIterations"/>.</param>
    /// <returns>A hash string in the <c>pbkdf2-sha256$…</c> format, different on every call.</returns>
    public static string Hash(string password, int iterations = DefaultIterations)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(iterations, MaxIterations);
        var salt = RandomNumberGenerator.GetBytes(SaltSize);
        var hash = Derive(password, salt, iterations, HashSize);
        return Format(iterations, salt, hash);
    }

    /// <summary>
    /// Whether <paramref name="stored"/> is meant as a hash, i.e. starts with <c>pbkdf2-sha256$</c>.
    /// A malformed hash still counts as hashed, so it can never be mistaken for a plaintext password.
    /// </summary>
    /// <param name="stored">A stored password value.</param>
    /// <returns>True when the value uses the hash format's prefix.</returns>
    public static bool IsHashed(string? stored) => stored is not null && stored.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>Checks a password against a stored value that is either a hash or a plaintext password.</summary>
    /// <param name="password">The plaintext password the client sent.</param>
    /// <param name="stored">The stored hash or plaintext password.</param>
    /// <returns>True when the password matches; false otherwise, including for a malformed hash.</returns>
    public static bool Verify(string password, string stored) =>
        IsHashed(stored) ? VerifyHashed(password, stored) : VerifyPlaintext(password, stored);

    /// <summary>Checks a plaintext password against a stored hash in constant time.</summary>
    /// <param name="password">The plaintext password the client sent.</param>
    /// <param name="storedHash">The stored <c>pbkdf2-sha256$…</c> hash string.</param>
    /// <returns>True when the password matches; false when it does not or the hash is malformed.</returns>
    public static bool VerifyHashed(string password, string storedHash)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (!TryParse(storedHash, out var iterations, out var salt, out var expected))
        {
            return false;
        }

        var actual = Derive(password, salt, iterations, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>
    /// Compares two plaintext values in constant time, by comparing the SHA-256 digests of their UTF-8 bytes
    /// so that neither the content nor the length of the stored value leaks through timing.
    /// </summary>
    /// <param name="given">The value the client sent.</param>
    /// <param name="stored">The stored plaintext value.</param>
    /// <returns>True when both are equal (ordinal).</returns>
    public static bool VerifyPlaintext(string given, string stored)
    {
        ArgumentNullException.ThrowIfNull(given);
        ArgumentNullException.ThrowIfNull(stored);
        Span<byte> a = stackalloc byte[SHA256.HashSizeInBytes];
        Span<byte> b = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(given), a);
        SHA256.HashData(Encoding.UTF8.GetBytes(stored), b);
        return CryptographicOperations.FixedTimeEquals(a, b);
    }

    /// <summary>
    /// Checks pomelo's md5 login (<c>md5: true</c>): the client sends the hex md5 of the password, which is
    /// compared in constant time with the md5 of the stored plaintext. Hex case is ignored.
    /// </summary>
    /// <param name="givenMd5Hex">The hex md5 digest the client sent.</param>
    /// <param name="storedPlaintext">The stored plaintext password.</param>
    /// <returns>True when the digest matches the stored password's md5.</returns>
    public static bool VerifyMd5(string givenMd5Hex, string storedPlaintext)
    {
        ArgumentNullException.ThrowIfNull(givenMd5Hex);
        return VerifyPlaintext(givenMd5Hex.ToLowerInvariant(), Md5Hex(storedPlaintext));
    }

    /// <summary>Computes the lowercase hex md5 of the UTF-8 bytes of <paramref name="text"/>, as pomelo's clients do.</summary>
    /// <param name="text">The text to digest.</param>
    /// <returns>32 lowercase hex characters.</returns>
    public static string Md5Hex(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>
    /// Builds a well-formed hash string with a random salt and an all-zero hash, which no password matches but
    /// which costs as much to verify as a real one; used to equalise work for unknown users.
    /// </summary>
    internal static string CreateDecoy(int iterations) =>
        Format(Math.Clamp(iterations, 1, MaxIterations), RandomNumberGenerator.GetBytes(SaltSize), new byte[HashSize]);

    /// <summary>Parses a hash string; false for anything malformed rather than an exception.</summary>
    internal static bool TryParse(string? stored, out int iterations, out byte[] salt, out byte[] hash)
    {
        iterations = 0;
        salt = [];
        hash = [];
        if (!IsHashed(stored))
        {
            return false;
        }

        var parts = stored!.Split('$');
        return parts.Length == 4
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out iterations)
            && iterations is >= 1 and <= MaxIterations
            && TryBase64(parts[2], out salt) && salt.Length > 0
            && TryBase64(parts[3], out hash) && hash.Length is >= MinStoredHashSize and <= MaxStoredHashSize;
    }

    private static bool TryBase64(string text, out byte[] bytes)
    {
        var buffer = new byte[(text.Length * 3 / 4) + 3];
        if (Convert.TryFromBase64String(text, buffer, out var written))
        {
            bytes = buffer[..written];
            return true;
        }

        bytes = [];
        return false;
    }

    private static byte[] Derive(string password, byte[] salt, int iterations, int length) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, length);

    private static string Format(int iterations, byte[] salt, byte[] hash) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}");
}
