using Pomelo.Akka.Security;

namespace Pomelo.Akka.Tests.Security;

public sealed class PasswordHasherTests
{
    private const int FastIterations = 1_000;

    [Fact]
    public void Hash_DefaultIterations_ProducesVerifiableFormattedHash()
    {
        var hash = PasswordHasher.Hash("s3cret");

        var parts = hash.Split('$');
        Assert.Equal(["pbkdf2-sha256", "100000"], parts[..2]);
        Assert.Equal(16, Convert.FromBase64String(parts[2]).Length);
        Assert.Equal(32, Convert.FromBase64String(parts[3]).Length);
        Assert.True(PasswordHasher.VerifyHashed("s3cret", hash));
    }

    [Fact]
    public void Hash_SamePasswordTwice_UsesDifferentSalts()
    {
        var first = PasswordHasher.Hash("admin", FastIterations);
        var second = PasswordHasher.Hash("admin", FastIterations);

        Assert.NotEqual(first.Split('$')[2], second.Split('$')[2]);
        Assert.NotEqual(first, second);
        Assert.True(PasswordHasher.VerifyHashed("admin", first));
        Assert.True(PasswordHasher.VerifyHashed("admin", second));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(PasswordHasher.MaxIterations + 1)]
    public void Hash_IterationsOutOfRange_Throws(int iterations)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PasswordHasher.Hash("x", iterations));
    }

    [Fact]
    public void VerifyHashed_WrongPassword_ReturnsFalse()
    {
        var hash = PasswordHasher.Hash("right", FastIterations);

        Assert.False(PasswordHasher.VerifyHashed("wrong", hash));
        Assert.False(PasswordHasher.VerifyHashed("Right", hash));
        Assert.False(PasswordHasher.VerifyHashed(string.Empty, hash));
    }

    [Theory]
    [InlineData("pbkdf2-sha256$", true)]
    [InlineData("pbkdf2-sha256$1000$c2FsdA==$aGFzaA==", true)]
    [InlineData("admin", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("PBKDF2-SHA256$1000$a$b", false)]
    [InlineData("pbkdf2-sha256", false)]
    public void IsHashed_Value_DetectsSchemePrefix(string? stored, bool expected)
    {
        Assert.Equal(expected, PasswordHasher.IsHashed(stored));
    }

    [Theory]
    [InlineData("pbkdf2-sha256$")]
    [InlineData("pbkdf2-sha256$abc$c2FsdHNhbHRzYWx0c2FsdA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("pbkdf2-sha256$0$c2FsdHNhbHRzYWx0c2FsdA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("pbkdf2-sha256$-1$c2FsdHNhbHRzYWx0c2FsdA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("pbkdf2-sha256$99999999999$c2FsdHNhbHRzYWx0c2FsdA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("pbkdf2-sha256$1000$not base64!$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("pbkdf2-sha256$1000$$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("pbkdf2-sha256$1000$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaA==")]
    [InlineData("pbkdf2-sha256$1000$c2FsdHNhbHRzYWx0c2FsdA==")]
    [InlineData("pbkdf2-sha256$1000$c2FsdHNhbHRzYWx0c2FsdA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=$extra")]
    public void Verify_MalformedHash_ReturnsFalseWithoutThrowing(string stored)
    {
        Assert.False(PasswordHasher.VerifyHashed(stored, stored));
        Assert.False(PasswordHasher.Verify(stored, stored));
    }

    [Fact]
    public void Verify_PlaintextStored_ComparesExactly()
    {
        Assert.True(PasswordHasher.Verify("admin", "admin"));
        Assert.False(PasswordHasher.Verify("Admin", "admin"));
        Assert.False(PasswordHasher.Verify("admin ", "admin"));
        Assert.False(PasswordHasher.Verify("adm", "admin"));
    }

    [Fact]
    public void Md5Hex_Admin_MatchesPomeloClientDigest()
    {
        Assert.Equal("21232f297a57a5a743894a0e4a801fc3", PasswordHasher.Md5Hex("admin"));
    }

    [Fact]
    public void VerifyMd5_DigestOfStoredPlaintext_ReturnsTrueIgnoringHexCase()
    {
        Assert.True(PasswordHasher.VerifyMd5("21232f297a57a5a743894a0e4a801fc3", "admin"));
        Assert.True(PasswordHasher.VerifyMd5("21232F297A57A5A743894A0E4A801FC3", "admin"));
        Assert.False(PasswordHasher.VerifyMd5("21232f297a57a5a743894a0e4a801fc4", "admin"));
        Assert.False(PasswordHasher.VerifyMd5("admin", "admin"));
    }
}
