namespace Pomelo.Akka.Config;

/// <summary>A location inside a HOCON source (file name or display name, 1-based line and column).</summary>
/// <param name="File">The file path or display name of the source.</param>
/// <param name="Line">The 1-based line number.</param>
/// <param name="Column">The 1-based column number.</param>
internal sealed record HoconPosition(string File, int Line, int Column)
{
    /// <summary>Formats the position as <c>file:line:column</c>.</summary>
    public override string ToString() => $"{File}:{Line}:{Column}";
}
