using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pomelo.Akka.Config;

namespace Pomelo.Akka.Tests.Config;

public sealed class HoconConfigurationProviderTests : IDisposable
{
    private const string ServersJson = """
        {"development":{"connector":[{"id":"connector-server-1","host":"127.0.0.1","port":4050,"clientPort":3050,"frontend":true}],
        "chat":[{"id":"chat-server-1","host":"127.0.0.1","port":6050}]},
        "production":{"connector":[]}}
        """;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private IConfigurationRoot Build(string fileName, string content)
    {
        var path = _dir.Write(fileName, content);
        return new ConfigurationBuilder().AddHoconFile(path).Build();
    }

    [Fact]
    public void Load_PomeloServersJson_ReadsEnvironmentsAndServerArrays()
    {
        var config = Build("servers.json", ServersJson);

        Assert.Equal("connector-server-1", config["development:connector:0:id"]);
        Assert.Equal("4050", config["development:connector:0:port"]);
        Assert.Equal("3050", config["development:connector:0:clientPort"]);
        Assert.Equal("true", config["development:connector:0:frontend"]);
        Assert.Equal("6050", config["development:chat:0:port"]);
        Assert.Null(config["production:connector"]);
    }

    [Fact]
    public void Load_PomeloMasterJson_ReadsPerEnvironmentMaster()
    {
        var config = Build("master.json", """
            {
              "development": { "id": "master-server-1", "host": "127.0.0.1", "port": 3005 },
              "production": { "id": "master-server-1", "host": "10.0.0.2", "port": 3005 }
            }
            """);

        Assert.Equal("master-server-1", config["development:id"]);
        Assert.Equal("10.0.0.2", config["production:host"]);
    }

    [Fact]
    public void Load_PomeloAdminUserJson_TopLevelArrayIsIndexed()
    {
        var config = Build("adminUser.json", """
            [
              { "id": "user-1", "username": "admin", "password": "admin", "level": 1 },
              { "id": "user-2", "username": "monitor", "password": "m0n!tor", "level": 2 }
            ]
            """);

        Assert.Equal("admin", config["0:username"]);
        Assert.Equal("m0n!tor", config["1:password"]);
        Assert.Equal("2", config["1:level"]);
    }

    [Fact]
    public void Load_PomeloAdminServerJson_BindsToList()
    {
        var config = Build("adminServer.json", """
            [{ "type": "connector", "token": "agarxhqb98rpajloaxn34ga8xrunpagkjwlaw3ruxnpaagl29w4rxn" },
             { "type": "chat", "token": "agarxhqb98rpajloaxn34ga8xrunpagkjwlaw3ruxnpaagl29w4rxn" }]
            """);

        var entries = config.GetChildren().Select(c => c["type"]).ToList();

        Assert.Equal(["connector", "chat"], entries);
    }

    [Fact]
    public void Bind_DurationSizeAndBooleanLiterals_BindToTypedProperties()
    {
        var config = Build("app.conf", """
            server {
              host = 127.0.0.1
              port = 3005
              timeout = 5s
              heartbeatInterval = 500 ms
              maxMessageSize = 1MiB
              bufferSize = 64k
              compress = on
              debug = no
              interval = 5
              peers = [a, b]
            }
            """);

        var options = config.GetSection("server").Get<SampleServerOptions>()!;

        Assert.Equal("127.0.0.1", options.Host);
        Assert.Equal(3005, options.Port);
        Assert.Equal(TimeSpan.FromSeconds(5), options.Timeout);
        Assert.Equal(TimeSpan.FromMilliseconds(500), options.HeartbeatInterval);
        Assert.Equal(1024L * 1024, options.MaxMessageSize);
        Assert.Equal(64L * 1024, options.BufferSize);
        Assert.True(options.Compress);
        Assert.False(options.Debug);
        Assert.Equal(5, options.Interval);
        Assert.Equal(["a", "b"], options.Peers);
    }

    [Fact]
    public void Configure_OptionsFromSection_ResolveThroughDependencyInjection()
    {
        var config = Build("app.conf", "server { timeout = 5s, maxMessageSize = 1MiB }");
        var services = new ServiceCollection();
        services.Configure<SampleServerOptions>(config.GetSection("server"));

        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<SampleServerOptions>>().Value;

        Assert.Equal(TimeSpan.FromSeconds(5), options.Timeout);
        Assert.Equal(1048576L, options.MaxMessageSize);
    }

    [Fact]
    public void Load_Include_ResolvesRelativeToFileDirectory()
    {
        _dir.Write("conf/common.conf", "shared = yes");

        var config = Build("conf/app.conf", "include \"common.conf\"\nown = 1");

        Assert.Equal("true", config["shared"]);
        Assert.Equal("1", config["own"]);
    }

    [Fact]
    public void Load_FileIncludingItself_ReportsCycle()
    {
        var path = _dir.Write("self.conf", "a = 1\ninclude \"self.conf\"");

        var error = Assert.Throws<InvalidDataException>(() => new ConfigurationBuilder().AddHoconFile(path).Build());

        var hocon = Assert.IsType<HoconParseException>(error.InnerException);
        Assert.Equal((path, 2, 1), (hocon.File, hocon.Line, hocon.Column));
        Assert.Contains("include cycle: self.conf -> self.conf", hocon.Message);
    }

    [Fact]
    public void Load_SyntaxError_ReportsFilePathLineAndColumn()
    {
        var path = _dir.Write("bad.conf", "a {\n  b = 1\n");

        var error = Assert.Throws<InvalidDataException>(() => new ConfigurationBuilder().AddHoconFile(path).Build());

        var hocon = Assert.IsType<HoconParseException>(error.InnerException);
        Assert.StartsWith($"{path}:3:1: expected '}}'", hocon.Message);
    }

    [Fact]
    public void Load_MissingOptionalFile_IsEmpty()
    {
        var config = new ConfigurationBuilder().AddHoconFile(Path.Combine(_dir.Path, "absent.conf"), optional: true).Build();

        Assert.Empty(config.AsEnumerable());
    }

    [Fact]
    public void Load_MissingRequiredFile_Throws()
    {
        Assert.Throws<FileNotFoundException>(() => new ConfigurationBuilder().AddHoconFile(Path.Combine(_dir.Path, "absent.conf")).Build());
    }

    [Fact]
    public void Load_ConfiguredSource_UsesInjectedEnvironmentLookup()
    {
        var path = _dir.Write("env.conf", "port = 3005\nport = ${?POMELO_PORT}\nhome = ${HOME_DIR}/x");

        var config = new ConfigurationBuilder()
            .AddHoconFile(source =>
            {
                source.Path = path;
                source.ResolveFileProvider();
                source.EnvironmentLookup = HoconTestDocument.Environment(("POMELO_PORT", "4000"), ("HOME_DIR", "/h"));
            })
            .Build();

        Assert.Equal("4000", config["port"]);
        Assert.Equal("/h/x", config["home"]);
    }

    [Fact]
    public void Reload_ChangedFile_IsReadAgain()
    {
        var path = _dir.Write("app.conf", "a = 1");
        var config = new ConfigurationBuilder().AddHoconFile(path).Build();

        File.WriteAllText(path, "a = 2");
        config.Reload();

        Assert.Equal("2", config["a"]);
    }

    [Fact]
    public void Load_StreamWithoutFileProvider_ResolvesIncludesFromCurrentDirectory()
    {
        var name = $"hocon-include-{Guid.NewGuid():N}.conf";
        var included = Path.Combine(Directory.GetCurrentDirectory(), name);
        File.WriteAllText(included, "fromCwd = 1");
        try
        {
            var provider = new HoconConfigurationProvider(new HoconConfigurationSource { Path = "memory.conf" });
            provider.Load(new MemoryStream(Encoding.UTF8.GetBytes($"include \"{name}\"")));

            Assert.True(provider.TryGet("fromCwd", out var value));
            Assert.Equal("1", value);
        }
        finally
        {
            File.Delete(included);
        }
    }
}
