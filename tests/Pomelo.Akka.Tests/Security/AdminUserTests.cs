using Pomelo.Akka.Security;

namespace Pomelo.Akka.Tests.Security;

public sealed class AdminUserTests
{
    [Fact]
    public void ToString_PlaintextPassword_IsRedacted()
    {
        var user = new AdminUser("user-1", "admin", "hunter2-secret", 1);

        var text = user.ToString();

        Assert.Contains("admin", text, StringComparison.Ordinal);
        Assert.Contains("user-1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-secret", text, StringComparison.Ordinal);
    }

    [Fact]
    public void HasHashedPassword_HashOrPlaintext_ReflectsFormat()
    {
        Assert.False(new AdminUser("u", "admin", "admin", 1).HasHashedPassword);
        Assert.True(new AdminUser("u", "admin", PasswordHasher.Hash("admin", 1_000), 1).HasHashedPassword);
    }
}
