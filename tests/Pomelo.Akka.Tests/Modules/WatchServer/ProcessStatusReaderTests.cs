using System.Diagnostics;
using System.Text.Json;
using Pomelo.Akka.Modules.WatchServer;
using Pomelo.Akka.Tests.TestSupport;

namespace Pomelo.Akka.Tests.Modules.WatchServer;

public sealed class ProcessStatusReaderTests
{
    private static DateTimeOffset ProcessStart()
    {
        using var process = Process.GetCurrentProcess();
        return new DateTimeOffset(process.StartTime.ToUniversalTime(), TimeSpan.Zero);
    }

    [Fact]
    public void Read_NowFromTimeProvider_UptimeIsSinceProcessStart()
    {
        var time = new FakeTimeProvider(ProcessStart() + TimeSpan.FromHours(1));
        var reader = new ProcessStatusReader(time);
        time.Advance(TimeSpan.FromMinutes(1));

        var status = JsonSerializer.SerializeToElement(reader.Read("area-1", "area"), JsonSerializerOptions.Web);

        Assert.Equal(3660, status.GetProperty("uptime").GetDouble(), 3);
        Assert.Equal("area-1", status.GetProperty("serverId").GetString());
        Assert.Equal("area", status.GetProperty("serverType").GetString());
        Assert.Equal(Environment.ProcessId, status.GetProperty("pid").GetInt32());
    }

    [Fact]
    public void Read_ClockBeforeProcessStart_UptimeIsZero()
    {
        var reader = new ProcessStatusReader(new FakeTimeProvider(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero)));

        var status = JsonSerializer.SerializeToElement(reader.Read("area-1", "area"), JsonSerializerOptions.Web);

        Assert.Equal(0, status.GetProperty("uptime").GetDouble());
    }
}
