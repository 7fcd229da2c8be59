using System.Text.Json;
using Pomelo.Akka.Modules.Console;

namespace Pomelo.Akka.Tests.Modules.Console;

public sealed class ListReplyTests
{
    [Fact]
    public void Create_HasPomeloShape_WithMegabytesAndMinutesAsFixedStrings()
    {
        var status = new NodeStatus(4242, 15 * 1024 * 1024, 8 * 1024 * 1024, 3 * 1024 * 1024 / 2, 90);

        var json = JsonSerializer.SerializeToElement(ListReply.Create("area-1", "area", status));

        Assert.Equal("area-1", json.GetProperty("serverId").GetString());
        var body = json.GetProperty("body");
        Assert.Equal("area-1", body.GetProperty("serverId").GetString());
        Assert.Equal("area", body.GetProperty("serverType").GetString());
        Assert.Equal(4242, body.GetProperty("pid").GetInt32());
        Assert.Equal("15.00", body.GetProperty("rss").GetString());
        Assert.Equal("8.00", body.GetProperty("heapTotal").GetString());
        Assert.Equal("1.50", body.GetProperty("heapUsed").GetString());
        Assert.Equal("1.50", body.GetProperty("uptime").GetString());
    }

    [Fact]
    public void TryRead_OurReply_UsesTheExactFigures()
    {
        var status = new NodeStatus(1, 12_345_678, 9_000_000, 4_567_890, 61.25);
        var json = JsonSerializer.SerializeToElement(ListReply.Create("a", "t", status));

        Assert.True(ListReply.TryRead(json, out var rss, out var heapUsed, out var uptime));

        Assert.Equal(12_345_678, rss);
        Assert.Equal(4_567_890, heapUsed);
        Assert.Equal(61.25, uptime);
    }

    [Fact]
    public void TryRead_PomeloMonitorsReply_ConvertsMegabytesAndMinutes()
    {
        var json = JsonDocument.Parse("""{"serverId":"connector-1","body":{"serverId":"connector-1","serverType":"connector","pid":77,"rss":"12.50","heapTotal":"30.00","heapUsed":"2.00","uptime":"1.50"}}""").RootElement;

        Assert.True(ListReply.TryRead(json, out var rss, out var heapUsed, out var uptime));

        Assert.Equal(12.5 * 1024 * 1024, rss);
        Assert.Equal(2 * 1024 * 1024, heapUsed);
        Assert.Equal(90, uptime, 6);
    }

    [Theory]
    [InlineData("""{"rss":1,"heapUsed":2,"uptime":3}""")]
    [InlineData("""{"serverId":"a","body":"x"}""")]
    [InlineData("""{"serverId":"a","body":{"rss":"lots","heapUsed":"1","uptime":"1"}}""")]
    [InlineData("""{"serverId":"a","body":{"heapUsed":"1","uptime":"1"}}""")]
    [InlineData("""[1,2]""")]
    public void TryRead_AnotherShape_IsRefused(string reply)
    {
        Assert.False(ListReply.TryRead(JsonDocument.Parse(reply).RootElement, out _, out _, out _));
    }
}
