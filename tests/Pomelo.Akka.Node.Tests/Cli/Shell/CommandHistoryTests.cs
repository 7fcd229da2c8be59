using Pomelo.Akka.Node.Cli.Shell;

namespace Pomelo.Akka.Node.Tests.Cli.Shell;

public sealed class CommandHistoryTests
{
    [Fact]
    public void Add_BlanksAndImmediateRepeats_AreNotRecorded()
    {
        var history = new CommandHistory();

        foreach (var line in new[] { "list", "  ", "time ", "time", "list" })
        {
            history.Add(line);
        }

        Assert.Equal(["list", "time", "list"], history.Lines);
    }
}
