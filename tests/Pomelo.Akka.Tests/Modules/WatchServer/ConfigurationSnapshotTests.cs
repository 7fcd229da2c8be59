using Microsoft.Extensions.Configuration;
using Pomelo.Akka.Modules.WatchServer;

namespace Pomelo.Akka.Tests.Modules.WatchServer;

public sealed class ConfigurationSnapshotTests
{
    [Fact]
    public void Of_NestedConfiguration_IsFlatSortedAndKeepsOnlyValues()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["b:c"] = "2",
            ["a"] = "1",
            ["b:d:0"] = "x",
        }).Build();

        var snapshot = ConfigurationSnapshot.Of(configuration);

        Assert.Equal(["a", "b:c", "b:d:0"], snapshot.Select(p => p.Key));
        Assert.Equal("2", (string?)snapshot["b:c"]);
    }

    [Theory]
    [InlineData("pomelo:monitor:token")]
    [InlineData("app:ApiTOKEN")]
    [InlineData("db:password")]
    [InlineData("users:0:Password")]
    [InlineData("clientSecret")]
    [InlineData("secrets:db")]
    public void Of_SecretKey_IsMasked(string key)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = "s3cr3t", ["plain"] = "visible" }).Build();

        var snapshot = ConfigurationSnapshot.Of(configuration);

        Assert.Equal("***", (string?)snapshot[key]);
        Assert.Equal("visible", (string?)snapshot["plain"]);
    }

    [Fact]
    public void Of_NoConfiguration_IsEmpty()
    {
        Assert.Empty(ConfigurationSnapshot.Of(null));
    }
}
