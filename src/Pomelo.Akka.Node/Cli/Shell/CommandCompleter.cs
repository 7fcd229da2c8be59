using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Parsing;

namespace Pomelo.Akka.Node.Cli.Shell;

/// <summary>
/// Completes shell lines from the verb tree itself: verbs and sub-verbs, option names after <c>-</c>, an option's values
/// after it (server ids after <c>--server</c>), and each argument's completions (server ids, <c>show</c>'s views).
/// </summary>
internal sealed class CommandCompleter(Command root) : ICompletionProvider
{
    /// <inheritdoc />
    public CompletionResult Complete(string line, int cursor)
    {
        var before = line[..Math.Clamp(cursor, 0, line.Length)];
        var wordStart = before.LastIndexOf(' ') + 1;
        var word = before[wordStart..];
        var tokens = CommandLineParser.SplitCommandLine(before[..wordStart]).ToList();
        var command = root;
        var options = new List<Option>(root.Options);
        foreach (var token in tokens)
        {
            if (command.Subcommands.FirstOrDefault(s => Names(s).Contains(token)) is { } sub)
            {
                command = sub;
                options = [.. options.Where(o => o.Recursive), .. sub.Options];
            }
        }

        IEnumerable<string> candidates;
        var previous = tokens.Count > 0 ? tokens[^1] : null;
        var valueOf = options.FirstOrDefault(o => previous is not null && o.ValueType != typeof(bool) && Names(o).Contains(previous));
        if (valueOf is not null)
        {
            candidates = Labels(valueOf.GetCompletions(CompletionContext.Empty));
        }
        else if (word.StartsWith('-'))
        {
            candidates = options.Where(o => !o.Hidden).Select(o => o.Name);
        }
        else
        {
            candidates = command.Subcommands.Where(s => !s.Hidden).SelectMany(Names)
                .Concat(command.Arguments.Where(a => !a.Hidden).SelectMany(a => Labels(a.GetCompletions(CompletionContext.Empty))));
        }

        var matches = candidates.Where(c => c.StartsWith(word, StringComparison.OrdinalIgnoreCase)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new CompletionResult(wordStart, matches);
    }

    private static IEnumerable<string> Names(Symbol symbol) => symbol switch
    {
        Command c => c.Aliases.Prepend(c.Name),
        Option o => o.Aliases.Prepend(o.Name),
        _ => [symbol.Name],
    };

    private static IEnumerable<string> Labels(IEnumerable<CompletionItem> items) => items.Select(i => i.Label);
}
