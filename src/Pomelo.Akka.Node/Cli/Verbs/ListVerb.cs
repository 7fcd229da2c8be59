using System.CommandLine;
using System.Text.Json;
using Pomelo.Akka.Node.Cli.Output;

namespace Pomelo.Akka.Node.Cli.Verbs;

/// <summary><c>list</c>: every server with its process stats (<c>__console__</c> signal <c>list</c>, viewer).</summary>
internal static class ListVerb
{
    public static Command Create(ICliRunner runner)
    {
        var command = new Command("list", "List the servers: id, type, host, port, pid, status, memory, uptime.");
        command.SetAction((parse, cancellationToken) => runner.RunAsync(parse, new VerbInvocation(ExecuteAsync), cancellationToken));
        return command;
    }

    /// <summary>Asks the master for the server ids (the shell's completion and <c>use</c>).</summary>
    /// <param name="context">The verb context.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The ids, sorted.</returns>
    public static async Task<IReadOnlyList<string>> FetchIdsAsync(VerbContext context, CancellationToken cancellationToken)
    {
        var reply = await context.ConsoleAsync(RequestBody.Signal("list"), cancellationToken).ConfigureAwait(false);
        return JsonReply.Require(reply).Items("servers").Select(s => s.Text("id")).OfType<string>().Order(StringComparer.Ordinal).ToList();
    }

    private static async Task<int> ExecuteAsync(VerbContext context, CancellationToken cancellationToken)
    {
        var reply = await context.ConsoleAsync(RequestBody.Signal("list"), cancellationToken).ConfigureAwait(false);
        return context.Emit(reply, body => Render(context.Output, body));
    }

    private static void Render(CliOutput output, JsonElement body)
    {
        var servers = body.Items("servers");
        var table = Tables.Create("ID", "TYPE", "HOST", "PORT>", "PID>", "STATUS", "RSS (MB)>", "HEAP (MB)>", "UPTIME>");
        var silent = 0;
        foreach (var server in servers)
        {
            var answered = server.Flag("answered") != false;
            silent += answered ? 0 : 1;
            var status = answered ? server.Text("status") : "not answered" + (server.Text("error") is { } e ? ": " + e : string.Empty);
            table.Row(
                server.Text("id"),
                server.Text("serverType"),
                server.Text("host"),
                server.Text("port"),
                server.Text("pid"),
                status,
                answered ? Formats.Megabytes(server.Number("rss")) : "-",
                answered ? Formats.Megabytes(server.Number("heapUsed")) : "-",
                answered ? Formats.Uptime(server.Number("uptime")) : "-");
        }

        output.Render(table);
        output.Line($"{servers.Count} server(s)" + (silent > 0 ? $", {silent} did not answer" : string.Empty));
    }
}
