using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Pomelo.Akka.Security;
using Pomelo.Akka.Tests.TestSupport;

namespace Pomelo.Akka.Tests.Security;

public sealed class AdminAuthenticatorTests
{
    private const string Token = "agarxhqb98rpajloaxn34ga8xrunpagkjwlaw3ruxnpaagl29w4rxn";
    private const string Password = "correct-horse-battery";
    private static readonly IPAddress Remote = IPAddress.Parse("192.0.2.10");

    private readonly FakeTimeProvider _time = new();
    private readonly ListLogger<AdminAuthenticator> _logger = new();

    [Fact]
    public void AuthenticateClient_CorrectPassword_SucceedsAndLogsWithoutPassword()
    {
        var auth = Create();

        var result = auth.AuthenticateClient(Remote, "admin", Password, md5: false);

        Assert.True(result.Success);
        Assert.Equal("admin", result.User.Username);
        Assert.Contains(_logger.Entries, e => e.EventId.Id == 5010 && e.Message.Contains("admin", StringComparison.Ordinal));
        AssertNeverLogged(Password);
    }

    [Fact]
    public void AuthenticateClient_WrongPassword_FailsAndLogsReasonWithoutPassword()
    {
        var auth = Create();

        var result = auth.AuthenticateClient(Remote, "admin", "wrong-guess-123", md5: false);

        Assert.False(result.Success);
        Assert.Equal(AuthFailureReason.WrongPassword, result.FailureReason);
        Assert.Contains(_logger.Entries, e => e.EventId.Id == 5011 && e.Level == LogLevel.Warning);
        AssertNeverLogged("wrong-guess-123");
    }

    [Fact]
    public void AuthenticateClient_Md5AgainstHashedPassword_FailsWithReasonAndLogsWhy()
    {
        var auth = Create(hashed: true);

        var result = auth.AuthenticateClient(Remote, "admin", PasswordHasher.Md5Hex(Password), md5: true);

        Assert.Equal(AuthFailureReason.Md5NotPossibleForHashedPassword, result.FailureReason);
        Assert.Contains(_logger.Entries, e => e.EventId.Id == 5012);
    }

    [Fact]
    public void AuthenticateClient_FiveFailures_LocksOutEvenCorrectPassword()
    {
        var auth = Create();
        for (var i = 0; i < 5; i++)
        {
            auth.AuthenticateClient(Remote, "admin", "nope", md5: false);
        }

        var result = auth.AuthenticateClient(Remote, "admin", Password, md5: false);

        Assert.True(result.IsLockedOut);
        Assert.Equal(AuthFailureReason.LockedOut, result.FailureReason);
        Assert.Single(_logger.Entries, e => e.EventId.Id == 5014);
        Assert.True(auth.AuthenticateClient(IPAddress.Parse("192.0.2.11"), "admin", Password, md5: false).Success);
    }

    [Fact]
    public void AuthenticateClient_AfterLockoutDuration_AllowsLogin()
    {
        var auth = Create();
        for (var i = 0; i < 5; i++)
        {
            auth.AuthenticateClient(Remote, "ghost", "nope", md5: false);
        }

        _time.Advance(TimeSpan.FromMinutes(5));

        Assert.True(auth.AuthenticateClient(Remote, "admin", Password, md5: false).Success);
    }

    [Fact]
    public void AuthenticateClient_SuccessAfterFailures_ClearsCount()
    {
        var auth = Create();
        for (var i = 0; i < 4; i++)
        {
            auth.AuthenticateClient(Remote, "admin", "nope", md5: false);
        }

        auth.AuthenticateClient(Remote, "admin", Password, md5: false);
        for (var i = 0; i < 4; i++)
        {
            auth.AuthenticateClient(Remote, "admin", "nope", md5: false);
        }

        Assert.True(auth.AuthenticateClient(Remote, "admin", Password, md5: false).Success);
    }

    [Fact]
    public void Constructor_NoFilesConfigured_RejectsEveryLoginAndServer()
    {
        var auth = new AdminAuthenticator(Options.Create(new AdminAuthOptions()), _time, _logger);

        Assert.Equal(0, auth.Users.Count);
        Assert.False(auth.AuthenticateClient(Remote, "admin", "admin", md5: false).Success);
        Assert.False(auth.AuthenticateServer(Remote, "connector", Token));
        Assert.Equal(ServerTokenMode.Closed, auth.ServerTokens.Mode);
        Assert.Contains(_logger.Entries, e => e.EventId.Id == 5001);
        Assert.Contains(_logger.Entries, e => e.EventId.Id == 5013);
        Assert.Contains(_logger.Entries, e => e.EventId.Id == 5022);
    }

    [Fact]
    public void Constructor_AllowUnauthenticatedServersWithoutFile_AcceptsAnyServer()
    {
        var options = new AdminAuthOptions { AllowUnauthenticatedServers = true };
        var auth = new AdminAuthenticator(Options.Create(options), _time, _logger);

        Assert.True(auth.AuthenticateServer(Remote, "connector", null));
        Assert.Contains(_logger.Entries, e => e.EventId.Id == 5005 && e.Level == LogLevel.Warning);
    }

    [Fact]
    public void Constructor_ConfiguredFiles_LoadsBothAndFileWinsOverAllowUnauthenticated()
    {
        using var dir = new TempDirectory();
        var options = new AdminAuthOptions
        {
            AdminUserFile = dir.WriteFile("adminUser.json", """[ { "id": "user-1", "username": "admin", "password": "admin", "level": 1 } ]"""),
            AdminServerFile = dir.WriteFile("adminServer.json", $$"""[ { "type": "connector", "token": "{{Token}}" } ]"""),
            AllowUnauthenticatedServers = true,
        };

        var auth = new AdminAuthenticator(Options.Create(options), _time, _logger);

        Assert.True(auth.AuthenticateClient(Remote, "admin", "21232f297a57a5a743894a0e4a801fc3", md5: true).Success);
        Assert.True(auth.AuthenticateServer(Remote, "connector", Token));
        Assert.False(auth.AuthenticateServer(Remote, "connector", "guess"));
        Assert.Equal(Token, auth.ServerTokens.TokenFor("connector"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Constructor_MissingConfiguredFile_ThrowsNamingPath(bool userFile)
    {
        using var dir = new TempDirectory();
        var path = dir.PathOf(userFile ? "adminUser.json" : "adminServer.json");
        var options = userFile ? new AdminAuthOptions { AdminUserFile = path } : new AdminAuthOptions { AdminServerFile = path };

        var ex = Assert.Throws<FileNotFoundException>(() => new AdminAuthenticator(Options.Create(options), _time, NullLogger<AdminAuthenticator>.Instance));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AuthenticateServer_WrongToken_RejectsAndNeverLogsToken()
    {
        var auth = Create();

        Assert.False(auth.AuthenticateServer(Remote, "connector", "leaked-guess-token"));
        Assert.True(auth.AuthenticateServer(Remote, "connector", Token));

        Assert.Contains(_logger.Entries, e => e.EventId.Id == 5021);
        AssertNeverLogged("leaked-guess-token");
        AssertNeverLogged(Token);
    }

    private AdminAuthenticator Create(bool hashed = false)
    {
        var stored = hashed ? PasswordHasher.Hash(Password, 1_000) : Password;
        var users = new AdminUserStore([new AdminUser("user-1", "admin", stored, 1)]);
        var servers = new ServerTokenStore([new ServerToken("connector", Token)]);
        return AdminAuthenticator.Create(users, servers, new AdminAuthOptions(), _time, _logger);
    }

    private void AssertNeverLogged(string secret) =>
        Assert.All(_logger.Entries, e =>
        {
            Assert.DoesNotContain(secret, e.Message, StringComparison.Ordinal);
            Assert.All(e.Values, v => Assert.DoesNotContain(secret, v, StringComparison.Ordinal));
        });
}
