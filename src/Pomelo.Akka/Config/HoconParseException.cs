namespace Pomelo.Akka.Config;

/// <summary>
/// Thrown when a HOCON document cannot be parsed, an include cannot be loaded or a substitution cannot be resolved.
/// The message starts with <c>file:line:column</c> and says what was expected.
/// </summary>
public sealed class HoconParseException : FormatException
{
    /// <summary>Creates an exception for a problem at the given location.</summary>
    /// <param name="reason">What went wrong and what was expected, without the location.</param>
    /// <param name="file">The file path or display name of the source.</param>
    /// <param name="line">The 1-based line number.</param>
    /// <param name="column">The 1-based column number.</param>
    public HoconParseException(string reason, string file, int line, int column)
        : base($"{file}:{line}:{column}: {reason}")
    {
        Reason = reason;
        File = file;
        Line = line;
        Column = column;
    }

    internal HoconParseException(string reason, HoconPosition position)
        : this(reason, position.File, position.Line, position.Column)
    {
    }

    /// <summary>What went wrong and what was expected, without the location.</summary>
    public string Reason { get; }

    /// <summary>The file path or display name of the source where the problem is.</summary>
    public string File { get; }

    /// <summary>The 1-based line of the problem.</summary>
    public int Line { get; }

    /// <summary>The 1-based column of the problem.</summary>
    public int Column { get; }
}
