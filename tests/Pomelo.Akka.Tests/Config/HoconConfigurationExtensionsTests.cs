using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pomelo.Akka.Config;

namespace Pomelo.Akka.Tests.Config;

public sealed class HoconConfigurationExtensionsTests
{
    [Fact]
    public void AddHoconString_Text_LoadsKeys()
    {
        var config = new ConfigurationBuilder().AddHoconString("a.b = 1\nc = [x, y]").Build();

        Assert.Equal("1", config["a:b"]);
        Assert.Equal("y", config["c:1"]);
    }

    [Fact]
    public void AddHoconString_LaterSource_OverridesEmbeddedDefaults()
    {
        var config = new ConfigurationBuilder()
            .AddHoconString("server { port = 3005, host = localhost }")
            .AddHoconString("server.port = 4000")
            .Build();

        Assert.Equal("4000", config["server:port"]);
        Assert.Equal("localhost", config["server:host"]);
    }

    [Fact]
    public void AddHoconString_BaseDirectory_ResolvesIncludes()
    {
        using var dir = new TempDirectory();
        dir.Write("defaults.conf", "timeout = 2m");

        var config = new ConfigurationBuilder().AddHoconString("include required(\"defaults.conf\")", dir.Path).Build();

        Assert.Equal("00:02:00", config["timeout"]);
    }

    [Fact]
    public void AddHoconString_ConfiguredSource_UsesInjectedEnvironment()
    {
        var config = new ConfigurationBuilder()
            .AddHoconString(source =>
            {
                source.Hocon = "user = ${?POMELO_USER}\nhost = ${POMELO_HOST}";
                source.EnvironmentLookup = HoconTestDocument.Environment(("POMELO_HOST", "10.0.0.1"));
            })
            .Build();

        Assert.Null(config["user"]);
        Assert.Equal("10.0.0.1", config["host"]);
    }

    [Fact]
    public void AddHoconString_InvalidText_ThrowsWithNamedPosition()
    {
        var builder = new ConfigurationBuilder().AddHoconString(source =>
        {
            source.Hocon = "a = 1\nb = ${oops";
            source.Name = "embedded-defaults";
        });

        var error = Assert.Throws<HoconParseException>(() => builder.Build());

        Assert.Equal(("embedded-defaults", 2, 5), (error.File, error.Line, error.Column));
        Assert.StartsWith("embedded-defaults:2:5: unterminated substitution", error.Message);
    }

    [Fact]
    public void AddHoconString_DefaultName_IsUsedInPositions()
    {
        var error = Assert.Throws<HoconParseException>(() => new ConfigurationBuilder().AddHoconString("x = ${nowhere}").Build());

        Assert.Equal("<string>:1:5", $"{error.File}:{error.Line}:{error.Column}");
    }

    [Fact]
    public void Configure_OptionsFromHoconString_BindTimeSpanAndSize()
    {
        var config = new ConfigurationBuilder()
            .AddHoconString("server { timeout = 10 minutes, maxMessageSize = 2 GiB, bufferSize = 10KB }")
            .Build();
        var services = new ServiceCollection();
        services.Configure<SampleServerOptions>(config.GetSection("server"));

        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<SampleServerOptions>>().Value;

        Assert.Equal(TimeSpan.FromMinutes(10), options.Timeout);
        Assert.Equal(2L * 1024 * 1024 * 1024, options.MaxMessageSize);
        Assert.Equal(10_000L, options.BufferSize);
    }
}
