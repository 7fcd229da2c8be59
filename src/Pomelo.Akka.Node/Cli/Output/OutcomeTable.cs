using System.Text.Json;

namespace Pomelo.Akka.Node.Cli.Output;

/// <summary>Shows what a stop, kill or restart did to each server, and fails when any server was not done.</summary>
internal sealed class OutcomeTable
{
    private readonly List<(string Server, string Result)> _rows = [];
    private int _failures;

    /// <summary>Adds servers that were done.</summary>
    /// <param name="items">Server ids (strings) or objects with <c>id</c> (and <c>pid</c>).</param>
    /// <param name="result">What happened to them.</param>
    /// <returns>This table.</returns>
    public OutcomeTable Done(IEnumerable<JsonElement> items, string result)
    {
        foreach (var item in items)
        {
            var pid = item.Text("pid");
            _rows.Add((IdOf(item), pid is null ? result : $"{result} (pid {pid})"));
        }

        return this;
    }

    /// <summary>Adds servers that were not done.</summary>
    /// <param name="items">Server ids (strings) or objects with <c>id</c> and <c>error</c>.</param>
    /// <param name="result">What went wrong, when the item carries no error.</param>
    /// <returns>This table.</returns>
    public OutcomeTable NotDone(IEnumerable<JsonElement> items, string result)
    {
        foreach (var item in items)
        {
            _failures++;
            _rows.Add((IdOf(item), item.Text("error") is { } error ? $"{result}: {error}" : result));
        }

        return this;
    }

    /// <summary>Renders the table, and on standard error how many servers were not done.</summary>
    /// <param name="output">The output.</param>
    /// <param name="action">The verb, for the summary (e.g. <c>stop</c>).</param>
    /// <returns>0, or 1 when any server was not done.</returns>
    public int Render(CliOutput output, string action)
    {
        if (_rows.Count == 0)
        {
            output.Line("No servers.");
            return ExitCodes.Ok;
        }

        var table = Tables.Create("SERVER", "RESULT");
        foreach (var (server, result) in _rows)
        {
            table.Row(server, result);
        }

        output.Render(table);
        if (_failures == 0)
        {
            return ExitCodes.Ok;
        }

        output.Fail($"{action}: {_failures} of {_rows.Count} server(s) not done");
        return ExitCodes.Failed;
    }

    private static string IdOf(JsonElement item) => item.ValueKind == JsonValueKind.Object ? item.Text("id") ?? "?" : JsonReply.Display(item);
}
