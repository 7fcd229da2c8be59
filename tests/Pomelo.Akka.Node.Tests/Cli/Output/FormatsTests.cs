using Pomelo.Akka.Node.Cli.Output;

namespace Pomelo.Akka.Node.Tests.Cli.Output;

public sealed class FormatsTests
{
    [Theory]
    [InlineData(52428800d, "50.0")]
    [InlineData(1572864d, "1.5")]
    [InlineData(null, "-")]
    public void Megabytes_Bytes_OneDecimal(double? bytes, string expected) => Assert.Equal(expected, Formats.Megabytes(bytes));

    [Theory]
    [InlineData(0d, "00:00:00")]
    [InlineData(3723.9, "01:02:03")]
    [InlineData(90061d, "1d 01:01:01")]
    [InlineData(-1d, "-")]
    [InlineData(null, "-")]
    public void Uptime_Seconds_DaysAndClock(double? seconds, string expected) => Assert.Equal(expected, Formats.Uptime(seconds));

    [Fact]
    public void LocalTime_UnixMillis_IsoTimeInTheZone()
    {
        var zone = TimeZoneInfo.CreateCustomTimeZone("plus-one", TimeSpan.FromHours(1), "plus-one", "plus-one");

        Assert.Equal("2023-11-14T23:13:20.123+01:00", Formats.LocalTime(1700000000123, zone));
    }
}
