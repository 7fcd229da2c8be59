using Pomelo.Akka.Security;
using Pomelo.Akka.Tests.TestSupport;

namespace Pomelo.Akka.Tests.Security;

public sealed class AdminUserStoreTests
{
    private const string AdminMd5 = "21232f297a57a5a743894a0e4a801fc3";

    private const string PomeloAdminUserJson = """
        [
          { "id": "user-1", "username": "admin", "password": "admin", "level": 1 },
          { "id": "user-2", "username": "monitor", "password": "monitor", "level": 2 },
          { "id": "user-3", "username": "test", "password": "test", "level": 2, "extra": { "ignored": true } }
        ]
        """;

    private static readonly AdminUser Plain = new("user-1", "admin", "admin", 1);

    [Fact]
    public void Authenticate_PlaintextCorrectPassword_Succeeds()
    {
        var store = new AdminUserStore([Plain]);

        var result = store.Authenticate("admin", "admin", md5: false);

        Assert.True(result.Success);
        Assert.Same(Plain, result.User);
        Assert.Equal(AuthFailureReason.None, result.FailureReason);
    }

    [Fact]
    public void Authenticate_PlaintextWrongPassword_FailsWithWrongPassword()
    {
        var store = new AdminUserStore([Plain]);

        var result = store.Authenticate("admin", "Admin", md5: false);

        Assert.False(result.Success);
        Assert.Null(result.User);
        Assert.Equal(AuthFailureReason.WrongPassword, result.FailureReason);
    }

    [Fact]
    public void Authenticate_UnknownUser_FailsWithUnknownUser()
    {
        var store = new AdminUserStore([Plain]);

        Assert.Equal(AuthFailureReason.UnknownUser, store.Authenticate("root", "admin", md5: false).FailureReason);
        Assert.Equal(AuthFailureReason.UnknownUser, store.Authenticate("ADMIN", "admin", md5: false).FailureReason);
        Assert.Equal(AuthFailureReason.UnknownUser, store.Authenticate("root", AdminMd5, md5: true).FailureReason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Authenticate_MissingUsername_FailsWithMissingUsername(string? username)
    {
        var store = new AdminUserStore([Plain]);

        Assert.Equal(AuthFailureReason.MissingUsername, store.Authenticate(username, "admin", md5: false).FailureReason);
    }

    [Fact]
    public void Authenticate_NullPassword_FailsWithWrongPassword()
    {
        var store = new AdminUserStore([Plain]);

        Assert.Equal(AuthFailureReason.WrongPassword, store.Authenticate("admin", null, md5: false).FailureReason);
    }

    [Fact]
    public void Authenticate_Md5OfPlaintext_Succeeds()
    {
        var store = new AdminUserStore([Plain]);

        Assert.True(store.Authenticate("admin", AdminMd5, md5: true).Success);
    }

    [Fact]
    public void Authenticate_Md5Wrong_FailsWithWrongPassword()
    {
        var store = new AdminUserStore([Plain]);

        Assert.Equal(AuthFailureReason.WrongPassword, store.Authenticate("admin", PasswordHasher.Md5Hex("nope"), md5: true).FailureReason);
        Assert.Equal(AuthFailureReason.WrongPassword, store.Authenticate("admin", "admin", md5: true).FailureReason);
    }

    [Fact]
    public void Authenticate_HashedCorrectPassword_Succeeds()
    {
        var store = new AdminUserStore([new AdminUser("user-1", "admin", PasswordHasher.Hash("s3cret", 1_000), 1)]);

        Assert.True(store.Authenticate("admin", "s3cret", md5: false).Success);
    }

    [Fact]
    public void Authenticate_HashedWrongPassword_FailsWithWrongPassword()
    {
        var store = new AdminUserStore([new AdminUser("user-1", "admin", PasswordHasher.Hash("s3cret", 1_000), 1)]);

        Assert.Equal(AuthFailureReason.WrongPassword, store.Authenticate("admin", "secret", md5: false).FailureReason);
    }

    [Fact]
    public void Authenticate_Md5AgainstHashed_FailsWithMd5NotPossible()
    {
        var store = new AdminUserStore([new AdminUser("user-1", "admin", PasswordHasher.Hash("admin", 1_000), 1)]);

        var result = store.Authenticate("admin", AdminMd5, md5: true);

        Assert.False(result.Success);
        Assert.Equal(AuthFailureReason.Md5NotPossibleForHashedPassword, result.FailureReason);
    }

    [Fact]
    public void Authenticate_MalformedStoredHash_FailsCleanly()
    {
        var store = new AdminUserStore([new AdminUser("user-1", "admin", "pbkdf2-sha256$oops", 1)]);

        Assert.Equal(AuthFailureReason.WrongPassword, store.Authenticate("admin", "pbkdf2-sha256$oops", md5: false).FailureReason);
        Assert.Equal(AuthFailureReason.Md5NotPossibleForHashedPassword, store.Authenticate("admin", "x", md5: true).FailureReason);
    }

    [Fact]
    public void Authenticate_UnknownUserInStoreWithHashes_FailsWithUnknownUser()
    {
        var store = new AdminUserStore([new AdminUser("user-1", "admin", PasswordHasher.Hash("admin", 1_000), 1)]);

        Assert.Equal(AuthFailureReason.UnknownUser, store.Authenticate("ghost", "admin", md5: false).FailureReason);
    }

    [Fact]
    public void Parse_PomeloFormat_ReadsAllUsersIgnoringExtraFields()
    {
        var store = AdminUserStore.Parse(PomeloAdminUserJson);

        Assert.Equal(3, store.Count);
        Assert.Equal(new AdminUser("user-2", "monitor", "monitor", 2), store.Users[1]);
        Assert.True(store.Authenticate("test", "test", md5: false).Success);
    }

    [Fact]
    public void Parse_MissingLevelAndId_DefaultsToLeastPrivilegeAndUsername()
    {
        var store = AdminUserStore.Parse("""[ { "username": "viewer", "password": "pw" } ]""");

        Assert.Equal(new AdminUser("viewer", "viewer", "pw", AdminUserStore.DefaultLevel), store.Users[0]);
        Assert.Equal(3, AdminUserStore.DefaultLevel);
    }

    [Theory]
    [InlineData("""{ "username": "a", "password": "b" }""")]
    [InlineData("""[ { "username": "a" } ]""")]
    [InlineData("""[ { "username": "", "password": "b" } ]""")]
    [InlineData("""[ { "username": "a", "password": "b", "level": "high" } ]""")]
    [InlineData("""[ "admin" ]""")]
    [InlineData("""[ { "username": "a", "password": "b" }, { "username": "a", "password": "c" } ]""")]
    public void Parse_InvalidShape_ThrowsInvalidData(string json)
    {
        Assert.Throws<InvalidDataException>(() => AdminUserStore.Parse(json));
    }

    [Fact]
    public void Load_PomeloFileInTempDirectory_Authenticates()
    {
        using var dir = new TempDirectory();
        var path = dir.WriteFile("adminUser.json", PomeloAdminUserJson);

        var store = AdminUserStore.Load(path);

        Assert.True(store.Authenticate("admin", AdminMd5, md5: true).Success);
    }

    [Fact]
    public void Load_MissingFile_ThrowsNamingPath()
    {
        using var dir = new TempDirectory();
        var path = dir.PathOf("adminUser.json");

        var ex = Assert.Throws<FileNotFoundException>(() => AdminUserStore.Load(path));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MalformedJson_ThrowsNamingPath()
    {
        using var dir = new TempDirectory();
        var path = dir.WriteFile("adminUser.json", """[ { "username": "admin", "password": """);

        var ex = Assert.Throws<InvalidDataException>(() => AdminUserStore.Load(path));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }
}
