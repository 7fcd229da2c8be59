using Pomelo.Akka.Security;

namespace Pomelo.Akka.Tests.Security;

public sealed class ServerTokenTests
{
    [Fact]
    public void ToString_Token_IsRedacted()
    {
        var entry = new ServerToken("connector", "agarxhqb98rpajloaxn34ga8xrunpagkjwlaw3ruxnpaagl29w4rxn");

        var text = entry.ToString();

        Assert.Contains("connector", text, StringComparison.Ordinal);
        Assert.DoesNotContain("agarxhqb98", text, StringComparison.Ordinal);
    }
}
