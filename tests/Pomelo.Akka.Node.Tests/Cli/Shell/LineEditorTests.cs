using Pomelo.Akka.Node.Cli.Shell;
using Pomelo.Akka.Node.Tests.Cli.Support;

namespace Pomelo.Akka.Node.Tests.Cli.Shell;

public sealed class LineEditorTests
{
    private readonly CommandHistory _history = new();
    private readonly StringWriter _screen = new();

    [Fact]
    public async Task ReadLineAsync_TypedTextAndEnter_ReturnsTheLineAfterThePrompt()
    {
        var line = await ReadAsync(new ScriptedKeys().Line("list --json"));

        Assert.Equal("list --json", line);
        Assert.StartsWith("> ", _screen.ToString());
    }

    [Fact]
    public async Task ReadLineAsync_ArrowsHomeEndBackspaceDelete_EditAnywhere()
    {
        var keys = new ScriptedKeys().Type("sow status")
            .Press(ConsoleKey.Home).Press(ConsoleKey.RightArrow).Type("h")
            .Press(ConsoleKey.End).Press(ConsoleKey.Backspace).Type("S")
            .Press(ConsoleKey.LeftArrow).Press(ConsoleKey.LeftArrow).Press(ConsoleKey.Delete)
            .Press(ConsoleKey.Enter);

        Assert.Equal("show statS", await ReadAsync(keys));
    }

    [Fact]
    public async Task ReadLineAsync_Escape_ClearsTheLine()
    {
        Assert.Equal("time", await ReadAsync(new ScriptedKeys().Type("stop").Press(ConsoleKey.Escape).Line("time")));
    }

    [Fact]
    public async Task ReadLineAsync_UpAndDown_BrowseHistoryAndComeBackToTheDraft()
    {
        _history.Add("list");
        _history.Add("time");

        Assert.Equal("list", await ReadAsync(new ScriptedKeys().Press(ConsoleKey.UpArrow).Press(ConsoleKey.UpArrow).Press(ConsoleKey.UpArrow).Press(ConsoleKey.Enter)));
        Assert.Equal("time", await ReadAsync(new ScriptedKeys().Press(ConsoleKey.UpArrow).Press(ConsoleKey.UpArrow).Press(ConsoleKey.DownArrow).Press(ConsoleKey.Enter)));
        Assert.Equal("dra", await ReadAsync(new ScriptedKeys().Type("dra").Press(ConsoleKey.UpArrow).Press(ConsoleKey.DownArrow).Press(ConsoleKey.Enter)));
    }

    [Fact]
    public async Task ReadLineAsync_CtrlDOnEmptyLine_ReturnsNull()
    {
        Assert.Null(await ReadAsync(new ScriptedKeys().Press(ConsoleKey.D, control: true)));
    }

    [Fact]
    public async Task ReadLineAsync_TabWithOneCandidate_CompletesTheWordAndAddsASpace()
    {
        var completion = new FixedCompletion("stop", "list", "show");

        Assert.Equal("list ", await ReadAsync(new ScriptedKeys().Type("li").Press(ConsoleKey.Tab).Press(ConsoleKey.Enter), completion));
    }

    [Fact]
    public async Task ReadLineAsync_TabWithCandidatesSharingAPrefix_ExtendsToThePrefix()
    {
        var completion = new FixedCompletion("connector-server-1", "connector-server-2");

        Assert.Equal("use connector-server-", await ReadAsync(new ScriptedKeys().Type("use c").Press(ConsoleKey.Tab).Press(ConsoleKey.Enter), completion));
    }

    [Fact]
    public async Task ReadLineAsync_TabWhenAmbiguous_ListsTheCandidates()
    {
        var completion = new FixedCompletion("set", "show", "shell", "stop");

        var line = await ReadAsync(new ScriptedKeys().Type("s").Press(ConsoleKey.Tab).Press(ConsoleKey.Enter), completion);

        Assert.Equal("s", line);
        Assert.Contains("set  shell  show  stop", _screen.ToString());
    }

    [Fact]
    public void CommonPrefix_IgnoresCase_KeepsTheFirstSpelling()
    {
        Assert.Equal("Connect", LineEditor.CommonPrefix(["Connector", "connection", "CONNECTED"]));
    }

    private Task<string?> ReadAsync(ScriptedKeys keys, ICompletionProvider? completion = null)
        => new LineEditor(keys, _screen, _history, completion).ReadLineAsync("> ", CancellationToken.None);

    private sealed class FixedCompletion(params string[] words) : ICompletionProvider
    {
        public CompletionResult Complete(string line, int cursor)
        {
            var start = line.LastIndexOf(' ', Math.Max(cursor - 1, 0)) + 1;
            var word = line[start..cursor];
            return new CompletionResult(start, words.Where(w => w.StartsWith(word, StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList());
        }
    }
}
