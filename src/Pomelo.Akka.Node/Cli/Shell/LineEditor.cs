namespace Pomelo.Akka.Node.Cli.Shell;

/// <summary>
/// A small line editor for the shell on a terminal: typing and erasing anywhere in the line (Left, Right, Home, End,
/// Backspace, Delete, Escape clears), Up/Down through the history, Tab completion, Enter submits, Ctrl+D on an empty
/// line ends input. Driven by an <see cref="IConsoleInput"/> so tests script the keys.
/// </summary>
internal sealed class LineEditor(IConsoleInput input, TextWriter output, CommandHistory history, ICompletionProvider? completion = null) : ILineSource
{
    private const string ClearToEnd = "\u001b[K";

    /// <inheritdoc />
    public async Task<string?> ReadLineAsync(string prompt, CancellationToken cancellationToken)
    {
        var line = new LineBuffer();
        var browsing = history.Lines.Count;
        var draft = string.Empty;
        await WriteAsync(prompt, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            var key = await input.ReadKeyAsync(cancellationToken).ConfigureAwait(false);
            switch (key.Key)
            {
                case ConsoleKey.Enter:
                    await WriteAsync(Environment.NewLine, cancellationToken).ConfigureAwait(false);
                    return line.Text;
                case ConsoleKey.D when line.Length == 0 && key.Modifiers.HasFlag(ConsoleModifiers.Control):
                    await WriteAsync(Environment.NewLine, cancellationToken).ConfigureAwait(false);
                    return null;
                case ConsoleKey.Backspace:
                    line.Backspace();
                    break;
                case ConsoleKey.Delete:
                    line.Delete();
                    break;
                case ConsoleKey.LeftArrow:
                    line.MoveTo(line.Cursor - 1);
                    break;
                case ConsoleKey.RightArrow:
                    line.MoveTo(line.Cursor + 1);
                    break;
                case ConsoleKey.Home:
                    line.MoveTo(0);
                    break;
                case ConsoleKey.End:
                    line.MoveTo(line.Length);
                    break;
                case ConsoleKey.Escape:
                    line.Set(string.Empty);
                    break;
                case ConsoleKey.UpArrow when browsing > 0:
                    draft = browsing == history.Lines.Count ? line.Text : draft;
                    line.Set(history.Lines[--browsing]);
                    break;
                case ConsoleKey.DownArrow when browsing < history.Lines.Count:
                    line.Set(++browsing == history.Lines.Count ? draft : history.Lines[browsing]);
                    break;
                case ConsoleKey.Tab:
                    await CompleteAsync(line, cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    if (!char.IsControl(key.KeyChar) && !key.Modifiers.HasFlag(ConsoleModifiers.Control))
                    {
                        line.Insert(key.KeyChar.ToString());
                    }

                    break;
            }

            await RedrawAsync(prompt, line, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Returns the longest prefix all candidates share (ignoring case), spelled as the first candidate.</summary>
    /// <param name="candidates">At least one candidate.</param>
    /// <returns>The prefix.</returns>
    internal static string CommonPrefix(IReadOnlyList<string> candidates)
    {
        var length = candidates[0].Length;
        foreach (var candidate in candidates)
        {
            length = Math.Min(length, candidate.Length);
            for (var i = 0; i < length; i++)
            {
                if (char.ToLowerInvariant(candidate[i]) != char.ToLowerInvariant(candidates[0][i]))
                {
                    length = i;
                    break;
                }
            }
        }

        return candidates[0][..length];
    }

    private async Task CompleteAsync(LineBuffer line, CancellationToken cancellationToken)
    {
        if (completion is null)
        {
            return;
        }

        var result = completion.Complete(line.Text, line.Cursor);
        var word = line.Cursor - result.WordStart;
        switch (result.Candidates.Count)
        {
            case 0:
                return;
            case 1:
                line.ReplaceBeforeCursor(result.WordStart, result.Candidates[0] + " ");
                return;
        }

        var common = CommonPrefix(result.Candidates);
        if (common.Length > word)
        {
            line.ReplaceBeforeCursor(result.WordStart, common);
            return;
        }

        await WriteAsync(Environment.NewLine + string.Join("  ", result.Candidates) + Environment.NewLine, cancellationToken).ConfigureAwait(false);
    }

    private Task RedrawAsync(string prompt, LineBuffer line, CancellationToken cancellationToken)
    {
        var back = line.Length - line.Cursor;
        return WriteAsync("\r" + prompt + line.Text + ClearToEnd + (back > 0 ? $"\u001b[{back}D" : string.Empty), cancellationToken);
    }

    private async Task WriteAsync(string text, CancellationToken cancellationToken)
    {
        await output.WriteAsync(text).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
