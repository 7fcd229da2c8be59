using System.Net;
using System.Text;
using System.Text.Json;
using Pomelo.Akka.Cluster;

namespace Pomelo.Akka.Tests.Cluster;

public sealed class MemberTests
{
    [Fact]
    public void HostAndPort_AreReadFromTheInfo()
    {
        var member = Member("""{"host":"10.0.0.7","port":3150,"frontend":true}""");

        Assert.Equal(("10.0.0.7", 3150), (member.Host, member.Port));
        Assert.True(member.Info!.Value.GetProperty("frontend").GetBoolean());
    }

    [Theory]
    [InlineData("""{"host":7,"port":"3150"}""")]
    [InlineData("""{"port":99999999999}""")]
    [InlineData("""[1,2]""")]
    [InlineData("""null""")]
    public void HostAndPort_OfOddInfos_AreAbsent(string info)
    {
        var member = Member(info);

        Assert.Null(member.Host);
        Assert.Null(member.Port);
        Assert.Equal(info, member.Info!.Value.GetRawText());
    }

    [Fact]
    public void AMemberWithoutInfo_HasNone()
    {
        var member = new Member("a", "area", 1, null, 1, MemberStatus.Up, IPAddress.Loopback, DateTimeOffset.UnixEpoch);

        Assert.Null(member.Info);
        Assert.Null(member.Host);
        Assert.Equal(0, member.InfoUtf8.Length);
    }

    [Fact]
    public void TheInfo_IsACopy_KeptAfterTheSourceDocumentIsDisposed()
    {
        var source = JsonDocument.Parse("""{"host":"h","extra":{"deep":[1,2,3]}}""");
        var member = new Member("a", "area", 1, source.RootElement, 1, MemberStatus.Up, IPAddress.Loopback, DateTimeOffset.UnixEpoch);
        source.Dispose();

        Assert.Equal("""{"host":"h","extra":{"deep":[1,2,3]}}""", Encoding.UTF8.GetString(member.InfoUtf8));
        Assert.Equal(3, member.Info!.Value.GetProperty("extra").GetProperty("deep").GetArrayLength());
    }

    [Fact]
    public void ACopyWithAnotherStatus_SharesTheInfo_AndEqualsOnlyWithTheSameStatus()
    {
        var up = Member("""{"host":"h","port":1}""");

        var leaving = up with { Status = MemberStatus.Leaving };

        Assert.Equal(up.Info!.Value.GetRawText(), leaving.Info!.Value.GetRawText());
        Assert.Equal(up with { }, up);
        Assert.NotEqual(up, leaving);
        Assert.Equal(up, leaving with { Status = MemberStatus.Up });
    }

    private static Member Member(string info)
        => new("a", "area", 1, JsonDocument.Parse(info).RootElement, 1, MemberStatus.Up, IPAddress.Loopback, DateTimeOffset.UnixEpoch);
}
