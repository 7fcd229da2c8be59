using Spectre.Console;
using Spectre.Console.Rendering;

namespace Pomelo.Akka.Node.Cli.Output;

/// <summary>Builds plain tables: cells are text, never markup, so ids and values print exactly as sent.</summary>
internal static class Tables
{
    /// <summary>Creates a table with the given column headers; a header ending in <c>&gt;</c> is right-aligned.</summary>
    /// <param name="headers">The headers.</param>
    /// <returns>The table.</returns>
    public static Table Create(params string[] headers)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var header in headers)
        {
            var right = header.EndsWith('>');
            var column = new TableColumn(new Text(right ? header[..^1] : header));
            table.AddColumn(right ? column.RightAligned() : column);
        }

        return table;
    }

    /// <summary>Adds a row of text cells; null shows as <c>-</c>.</summary>
    /// <param name="table">The table.</param>
    /// <param name="cells">The cells.</param>
    /// <returns>The table.</returns>
    public static Table Row(this Table table, params string?[] cells)
        => table.AddRow(cells.Select(c => (IRenderable)new Text(c ?? "-")).ToArray());

    /// <summary>Builds a two-column key/value table.</summary>
    /// <param name="pairs">The pairs.</param>
    /// <param name="keyHeader">The first column's header.</param>
    /// <param name="title">An optional title.</param>
    /// <returns>The table.</returns>
    public static Table KeyValue(IEnumerable<KeyValuePair<string, string>> pairs, string keyHeader = "KEY", string? title = null)
    {
        var table = Create(keyHeader, "VALUE");
        if (title is not null)
        {
            table.Title = new TableTitle(Markup.Escape(title));
        }

        foreach (var (key, value) in pairs)
        {
            table.Row(key, value);
        }

        return table;
    }
}
