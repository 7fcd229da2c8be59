using System.Text.Json;
using Pomelo.Akka.Modules.WatchServer;

namespace Pomelo.Akka.Tests.Modules.WatchServer;

public sealed class WatchServerRequestTests
{
    [Fact]
    public void TryParse_FullBody_ReadsEveryField()
    {
        var ok = WatchServerRequest.TryParse(JsonElement.Parse("""{"command":"set","serverId":"area-1","key":"k","value":{"a":1},"expression":"x"}"""), out var request);

        Assert.True(ok);
        Assert.Equal("set", request!.Command);
        Assert.Equal("area-1", request.ServerId);
        Assert.Equal("k", request.Key);
        Assert.Equal(1, request.Value!.Value.GetProperty("a").GetInt32());
        Assert.Equal("x", request.Expression);
    }

    [Theory]
    [InlineData("""{"command":"status"}""")]
    [InlineData("""{"command":"status","serverId":null}""")]
    [InlineData("""{"command":"status","serverId":""}""")]
    public void TryParse_NoServerId_TargetsTheMaster(string json)
    {
        Assert.True(WatchServerRequest.TryParse(JsonElement.Parse(json), out var request));
        Assert.Null(request!.ServerId);
    }

    [Fact]
    public void TryParse_ValueNullOrAbsent_AreTold()
    {
        WatchServerRequest.TryParse(JsonElement.Parse("""{"command":"set","key":"k","value":null}"""), out var withNull);
        WatchServerRequest.TryParse(JsonElement.Parse("""{"command":"set","key":"k"}"""), out var without);

        Assert.Equal(JsonValueKind.Null, withNull!.Value!.Value.ValueKind);
        Assert.Null(without!.Value);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("\"status\"")]
    [InlineData("[1,2]")]
    [InlineData("42")]
    [InlineData("{}")]
    [InlineData("""{"command":5}""")]
    [InlineData("""{"command":null}""")]
    [InlineData("""{"command":"status","serverId":7}""")]
    [InlineData("""{"command":"get","key":{"a":1}}""")]
    [InlineData("""{"command":"run","expression":[1]}""")]
    public void TryParse_MalformedBody_IsFalse(string json)
    {
        Assert.False(WatchServerRequest.TryParse(JsonElement.Parse(json), out var request));
        Assert.Null(request);
    }

    [Fact]
    public void TryParse_NoBody_IsFalse()
    {
        Assert.False(WatchServerRequest.TryParse(null, out _));
    }
}
