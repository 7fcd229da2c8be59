// CS1591: Directory.Build.props' NoWarn for test projects is evaluated before IsPackable is set in the csproj.
#pragma warning disable CS1591

using Pomelo.Akka.Config;

namespace Pomelo.Akka.Tests.Config;

public sealed class HoconParseExceptionTests
{
    [Fact]
    public void Constructor_Location_IsPrefixedToMessageAndExposed()
    {
        var error = new HoconParseException("expected '}'", "app.conf", 3, 7);

        Assert.Equal("app.conf:3:7: expected '}'", error.Message);
        Assert.Equal("expected '}'", error.Reason);
        Assert.Equal(("app.conf", 3, 7), (error.File, error.Line, error.Column));
        Assert.IsAssignableFrom<FormatException>(error);
    }
}
