using Pomelo.Akka.Modules.WatchServer;
using Pomelo.Akka.Security;

namespace Pomelo.Akka.Tests.Modules.WatchServer;

public sealed class WatchServerCommandsTests
{
    [Fact]
    public void All_EveryCommand_HasALevelInTheAccessPolicy()
    {
        var inPolicy = AccessPolicy.Table.Keys.Where(k => k.StartsWith(WatchServerModule.Id + ":", StringComparison.Ordinal))
            .Select(k => k[(WatchServerModule.Id.Length + 1)..]);

        Assert.Equal(inPolicy.Order(StringComparer.Ordinal), WatchServerCommands.All.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("status", true)]
    [InlineData("Status", false)]
    [InlineData("reboot", false)]
    public void IsKnown_Command_IsExact(string command, bool known)
    {
        Assert.Equal(known, WatchServerCommands.IsKnown(command));
    }
}
