namespace Pomelo.Akka.Node.Cli.Shell;

/// <summary>The shell's command history, in memory: every line entered, oldest first, without blanks or immediate repeats.</summary>
internal sealed class CommandHistory
{
    private readonly List<string> _lines = [];

    /// <summary>Gets the lines, oldest first.</summary>
    public IReadOnlyList<string> Lines => _lines;

    /// <summary>Records a line.</summary>
    /// <param name="line">The line as entered.</param>
    public void Add(string line)
    {
        var trimmed = line.Trim();
        if (trimmed.Length > 0 && (_lines.Count == 0 || _lines[^1] != trimmed))
        {
            _lines.Add(trimmed);
        }
    }
}
