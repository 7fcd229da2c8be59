using System.Text.Json;
using Pomelo.Akka.Monitor;

namespace Pomelo.Akka.Tests.Monitor;

public sealed class MonitorInfoTests
{
    [Fact]
    public void Build_Options_WritesIdentityAndRuntimeFields()
    {
        var info = MonitorInfo.Build(new MonitorOptions
        {
            Id = "connector-1",
            ServerType = "connector",
            Host = "10.0.0.5",
            Port = 3150,
            HeartbeatInterval = TimeSpan.FromMilliseconds(1500),
        });

        Assert.Equal("connector-1", info.GetProperty("id").GetString());
        Assert.Equal("connector", info.GetProperty("serverType").GetString());
        Assert.Equal("10.0.0.5", info.GetProperty("host").GetString());
        Assert.Equal(3150, info.GetProperty("port").GetInt32());
        Assert.Equal(Environment.ProcessId, info.GetProperty("pid").GetInt32());
        Assert.Equal(PomeloAkkaAssembly.ProtocolVersion, info.GetProperty("protocolVersion").GetInt32());
        Assert.Equal(1500, info.GetProperty("heartbeatMs").GetInt64());
    }

    [Fact]
    public void Build_NoHostOrPort_OmitsThem()
    {
        var info = MonitorInfo.Build(new MonitorOptions { Id = "a", ServerType = "area" });

        Assert.False(info.TryGetProperty("host", out _));
        Assert.False(info.TryGetProperty("port", out _));
    }

    [Fact]
    public void Build_ExtraInfo_TypesNumbersAndBooleans()
    {
        var info = MonitorInfo.Build(Options(new()
        {
            ["clientPort"] = "4050",
            ["frontend"] = "true",
            ["wss"] = "False",
            ["name"] = "abc",
            ["version"] = "1.2",
            ["nothing"] = null,
        }));

        Assert.Equal(JsonValueKind.Number, info.GetProperty("clientPort").ValueKind);
        Assert.Equal(4050, info.GetProperty("clientPort").GetInt32());
        Assert.Equal(JsonValueKind.True, info.GetProperty("frontend").ValueKind);
        Assert.Equal(JsonValueKind.False, info.GetProperty("wss").ValueKind);
        Assert.Equal("abc", info.GetProperty("name").GetString());
        Assert.Equal("1.2", info.GetProperty("version").GetString());
        Assert.Equal(JsonValueKind.Null, info.GetProperty("nothing").ValueKind);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("serverType")]
    [InlineData("host")]
    [InlineData("port")]
    [InlineData("pid")]
    public void Build_ReservedKeyInInfo_IsNotDuplicated(string key)
    {
        var info = MonitorInfo.Build(Options(new() { [key] = "-7" }));

        Assert.Single(info.EnumerateObject(), p => p.Name == key);
        Assert.NotEqual("-7", info.GetProperty(key).GetRawText());
    }

    [Theory]
    [InlineData("protocolVersion")]
    [InlineData("heartbeatMs")]
    public void Build_RuntimeKeyInInfo_IsNotDuplicated(string key)
    {
        var info = MonitorInfo.Build(Options(new() { [key] = "999" }));

        Assert.Single(info.EnumerateObject(), p => p.Name == key);
    }

    private static MonitorOptions Options(Dictionary<string, string?> extra) => new()
    {
        Id = "connector-1",
        ServerType = "connector",
        Host = "127.0.0.1",
        Port = 3150,
        Info = extra,
    };
}
