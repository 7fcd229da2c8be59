using Pomelo.Akka.Security;
using Pomelo.Akka.Tests.TestSupport;

namespace Pomelo.Akka.Tests.Security;

public sealed class ServerTokenStoreTests
{
    private const string ConnectorToken = "agarxhqb98rpajloaxn34ga8xrunpagkjwlaw3ruxnpaagl29w4rxn";
    private const string ChatToken = "bnsvckrpqzm3f9xw0u4lhg7eydaoti26jc";

    private const string PomeloAdminServerJson = $$"""
        [
          { "type": "connector", "token": "{{ConnectorToken}}" },
          { "type": "chat", "token": "{{ChatToken}}", "comment": "extra fields are ignored" }
        ]
        """;

    private static ServerTokenStore Store() =>
        new([new ServerToken("connector", ConnectorToken), new ServerToken("chat", ChatToken)]);

    [Fact]
    public void Verify_RightTypeAndToken_ReturnsTrue()
    {
        Assert.True(Store().Verify("connector", ConnectorToken));
        Assert.True(Store().Verify("chat", ChatToken));
    }

    [Fact]
    public void Verify_WrongToken_ReturnsFalse()
    {
        Assert.False(Store().Verify("connector", ConnectorToken[..^1]));
        Assert.False(Store().Verify("connector", ConnectorToken + "x"));
        Assert.False(Store().Verify("connector", null));
        Assert.False(Store().Verify("connector", string.Empty));
    }

    [Fact]
    public void Verify_TokenOfAnotherType_ReturnsFalse()
    {
        Assert.False(Store().Verify("connector", ChatToken));
        Assert.False(Store().Verify("gate", ConnectorToken));
        Assert.False(Store().Verify(null, ConnectorToken));
    }

    [Fact]
    public void Verify_SeveralTokensForOneType_AcceptsEach()
    {
        var store = new ServerTokenStore([new ServerToken("connector", "old-token"), new ServerToken("connector", "new-token")]);

        Assert.True(store.Verify("connector", "old-token"));
        Assert.True(store.Verify("connector", "new-token"));
        Assert.Equal("old-token", store.TokenFor("connector"));
    }

    [Fact]
    public void Verify_ClosedStore_RejectsEverything()
    {
        Assert.Equal(ServerTokenMode.Closed, ServerTokenStore.Closed.Mode);
        Assert.False(ServerTokenStore.Closed.Verify("connector", ConnectorToken));
        Assert.False(ServerTokenStore.Closed.Verify(null, null));
    }

    [Fact]
    public void Verify_OpenStore_AcceptsEverything()
    {
        Assert.Equal(ServerTokenMode.Open, ServerTokenStore.Open.Mode);
        Assert.True(ServerTokenStore.Open.Verify("connector", "anything"));
        Assert.True(ServerTokenStore.Open.Verify(null, null));
    }

    [Fact]
    public void Verify_EmptyTokenList_RejectsEverything()
    {
        var store = ServerTokenStore.Parse("[]");

        Assert.Equal(ServerTokenMode.Tokens, store.Mode);
        Assert.False(store.Verify("connector", ConnectorToken));
    }

    [Fact]
    public void TokenFor_ConfiguredType_ReturnsItsToken()
    {
        Assert.Equal(ConnectorToken, Store().TokenFor("connector"));
        Assert.Null(Store().TokenFor("gate"));
        Assert.Null(ServerTokenStore.Open.TokenFor("connector"));
    }

    [Fact]
    public void Parse_PomeloFormat_ReadsEntries()
    {
        var store = ServerTokenStore.Parse(PomeloAdminServerJson);

        Assert.Equal([new ServerToken("connector", ConnectorToken), new ServerToken("chat", ChatToken)], store.Entries);
        Assert.True(store.Verify("chat", ChatToken));
    }

    [Theory]
    [InlineData("""{ "type": "connector", "token": "t" }""")]
    [InlineData("""[ { "type": "connector" } ]""")]
    [InlineData("""[ { "token": "t" } ]""")]
    [InlineData("""[ { "type": "connector", "token": "" } ]""")]
    [InlineData("""[ { "type": "connector", "token": ["t"] } ]""")]
    public void Parse_InvalidShape_ThrowsInvalidData(string json)
    {
        Assert.Throws<InvalidDataException>(() => ServerTokenStore.Parse(json));
    }

    [Fact]
    public void Load_PomeloFileInTempDirectory_Verifies()
    {
        using var dir = new TempDirectory();
        var path = dir.WriteFile("adminServer.json", PomeloAdminServerJson);

        var store = ServerTokenStore.Load(path);

        Assert.True(store.Verify("connector", ConnectorToken));
        Assert.False(store.Verify("connector", ChatToken));
    }

    [Fact]
    public void Load_MissingFile_ThrowsNamingPath()
    {
        using var dir = new TempDirectory();
        var path = dir.PathOf("adminServer.json");

        var ex = Assert.Throws<FileNotFoundException>(() => ServerTokenStore.Load(path));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MalformedJson_ThrowsNamingPath()
    {
        using var dir = new TempDirectory();
        var path = dir.WriteFile("adminServer.json", "[ { \"type\": \"connector\", ");

        var ex = Assert.Throws<InvalidDataException>(() => ServerTokenStore.Load(path));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }
}
