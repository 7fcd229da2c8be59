using System.CommandLine;
using Pomelo.Akka.Node.Cli;
using Pomelo.Akka.Node.Cli.Shell;
using Pomelo.Akka.Node.Cli.Verbs;

namespace Pomelo.Akka.Node.Tests.Cli.Shell;

public sealed class CommandCompleterTests
{
    private readonly CommandCompleter _completer;

    public CommandCompleterTests()
    {
        var root = new RootCommand();
        CliOptions.ForShell().AddTo(root);
        foreach (var verb in VerbTree.Create(new NeverRunner(), () => ["area-server-1", "connector-server-1", "connector-server-2"]))
        {
            root.Subcommands.Add(verb);
        }

        _completer = new CommandCompleter(root);
    }

    [Theory]
    [InlineData("s", "set", "show", "stop")]
    [InlineData("ti", "time")]
    [InlineData("module ", "disable", "enable", "list")]
    [InlineData("show st", "status")]
    [InlineData("show status --server conn", "connector-server-1", "connector-server-2")]
    [InlineData("get motd -s a", "area-server-1")]
    [InlineData("stop area-server-1 c", "connector-server-1", "connector-server-2")]
    [InlineData("show status --js", "--json")]
    [InlineData("xyz", new string[0])]
    public void Complete_WordAtCursor_OffersWhatFitsThere(string line, params string[] expected)
    {
        var result = _completer.Complete(line, line.Length);

        Assert.Equal(expected, result.Candidates);
        Assert.Equal(line.LastIndexOf(' ') + 1, result.WordStart);
    }

    [Fact]
    public void Complete_CursorInsideTheLine_CompletesTheWordBeforeIt()
    {
        var result = _completer.Complete("tim --json", 3);

        Assert.Equal(["time"], result.Candidates);
        Assert.Equal(0, result.WordStart);
    }

    private sealed class NeverRunner : ICliRunner
    {
        public Task<int> RunAsync(ParseResult parse, VerbInvocation invocation, CancellationToken cancellationToken)
            => throw new InvalidOperationException("completion never runs verbs");
    }
}
