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
