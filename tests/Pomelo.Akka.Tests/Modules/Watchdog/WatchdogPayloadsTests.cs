using System.Net;
using System.Text.Json;
using Pomelo.Akka.Cluster;
using Pomelo.Akka.Modules.Watchdog;

namespace Pomelo.Akka.Tests.Modules.Watchdog;

public sealed class WatchdogPayloadsTests
{
    [Fact]
    public void Info_KeepsEveryFieldOfTheRegisteredInfo_AndWritesOurIdTypeIncarnationAndPid()
    {
        var member = Member("""{"id":"spoofed","host":"10.0.0.2","port":3150,"frontend":true,"a\"b":1,"nested":{"x":[1,{"y":null}]},"serverType":"x","incarnation":1,"pid":5}""", pid: 42);

        var info = JsonDocument.Parse(WatchdogPayloads.Info(member)).RootElement;

        Assert.Equal(
            ["host", "port", "frontend", "a\"b", "nested", "id", "serverType", "incarnation", "pid"],
            info.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("area-1", "area", 7L, 42L), (info.GetProperty("id").GetString(), info.GetProperty("serverType").GetString(), info.GetProperty("incarnation").GetInt64(), info.GetProperty("pid").GetInt64()));
        Assert.Equal("""{"x":[1,{"y":null}]}""", info.GetProperty("nested").GetRawText());
        Assert.Equal(1, info.GetProperty("a\"b").GetInt32());
    }

    [Fact]
    public void Info_WithoutAReportedPid_TakesTheInfosPid()
    {
        var info = JsonDocument.Parse(WatchdogPayloads.Info(Member("""{"pid":"1234","host":"h"}""", pid: null))).RootElement;

        Assert.Equal("1234", info.GetProperty("pid").GetString());
        Assert.Equal(["host", "id", "serverType", "incarnation", "pid"], info.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Info_OfAMemberWithoutInfo_IsOurFieldsAlone()
    {
        var member = new Member("area-1", "area", null, null, 7, MemberStatus.Up, IPAddress.Loopback, DateTimeOffset.UnixEpoch);

        Assert.Equal("""{"id":"area-1","serverType":"area","incarnation":7}""", System.Text.Encoding.UTF8.GetString(WatchdogPayloads.Info(member)));
    }

    private static Member Member(string info, long? pid)
        => new("area-1", "area", pid, JsonDocument.Parse(info).RootElement, 7, MemberStatus.Up, IPAddress.Loopback, DateTimeOffset.UnixEpoch);
}
