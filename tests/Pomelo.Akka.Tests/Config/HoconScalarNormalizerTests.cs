using Pomelo.Akka.Config;

namespace Pomelo.Akka.Tests.Config;

public sealed class HoconScalarNormalizerTests
{
    [Theory]
    [InlineData("500ms", "00:00:00.5000000")]
    [InlineData("5s", "00:00:05")]
    [InlineData("5 seconds", "00:00:05")]
    [InlineData("1 second", "00:00:01")]
    [InlineData("2m", "00:02:00")]
    [InlineData("10 minutes", "00:10:00")]
    [InlineData("1h", "01:00:00")]
    [InlineData("3 hours", "03:00:00")]
    [InlineData("1d", "1.00:00:00")]
    [InlineData("2 days", "2.00:00:00")]
    [InlineData("100us", "00:00:00.0001000")]
    [InlineData("250 micros", "00:00:00.0002500")]
    [InlineData("1500ns", "00:00:00.0000015")]
    [InlineData("1.5s", "00:00:01.5000000")]
    [InlineData("250 millis", "00:00:00.2500000")]
    [InlineData("-5s", "-00:00:05")]
    public void Normalize_Duration_ReturnsInvariantTimeSpan(string text, string expected)
    {
        Assert.Equal(expected, HoconScalarNormalizer.Normalize(text));
        Assert.Equal(TimeSpan.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).ToString("c"), HoconScalarNormalizer.Normalize(text));
    }

    [Theory]
    [InlineData("100B", "100")]
    [InlineData("100 bytes", "100")]
    [InlineData("512k", "524288")]
    [InlineData("512K", "524288")]
    [InlineData("1KiB", "1024")]
    [InlineData("1MiB", "1048576")]
    [InlineData("1M", "1048576")]
    [InlineData("1Mi", "1048576")]
    [InlineData("2 GiB", "2147483648")]
    [InlineData("2g", "2147483648")]
    [InlineData("10kB", "10000")]
    [InlineData("10KB", "10000")]
    [InlineData("3MB", "3000000")]
    [InlineData("1 megabyte", "1000000")]
    [InlineData("1 mebibytes", "1048576")]
    [InlineData("1.5MiB", "1572864")]
    [InlineData("1TB", "1000000000000")]
    public void Normalize_Size_ReturnsByteCount(string text, string expected)
    {
        Assert.Equal(expected, HoconScalarNormalizer.Normalize(text));
    }

    [Theory]
    [InlineData("on", "true")]
    [InlineData("yes", "true")]
    [InlineData("off", "false")]
    [InlineData("no", "false")]
    [InlineData("true", "true")]
    [InlineData("false", "false")]
    public void Normalize_Boolean_ReturnsTrueOrFalse(string text, string expected)
    {
        Assert.Equal(expected, HoconScalarNormalizer.Normalize(text));
    }

    [Theory]
    [InlineData("5")]
    [InlineData("3.14")]
    [InlineData("-1e10")]
    [InlineData("127.0.0.1")]
    [InlineData("hello world")]
    [InlineData("5 apples")]
    [InlineData("1.5B")]
    [InlineData("-1MiB")]
    [InlineData("99999999999999999999YiB")]
    [InlineData("ON")]
    [InlineData("v1s")]
    public void Normalize_OtherText_IsUnchanged(string text)
    {
        Assert.Equal(text, HoconScalarNormalizer.Normalize(text));
    }

    [Fact]
    public void Flatten_QuotedDurationSizeAndBoolean_AreNotRewritten()
    {
        var data = HoconTestDocument.Load("a = \"5s\"\nb = \"1MiB\"\nc = \"on\"\nd = 5s\ne = 1MiB\nf = on\ng = 5");

        Assert.Equal(["5s", "1MiB", "on"], new[] { data["a"]!, data["b"]!, data["c"]! });
        Assert.Equal(["00:00:05", "1048576", "true", "5"], new[] { data["d"]!, data["e"]!, data["f"]!, data["g"]! });
    }

    [Fact]
    public void Flatten_SubstitutedUnquotedDuration_IsStillNormalised()
    {
        var data = HoconTestDocument.Load("base = 5s\ntimeout = ${base}");

        Assert.Equal("00:00:05", data["timeout"]);
    }
}
