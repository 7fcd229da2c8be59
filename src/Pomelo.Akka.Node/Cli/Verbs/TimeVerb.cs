using System.CommandLine;
using System.Text.Json;
using Pomelo.Akka.Node.Cli.Output;

namespace Pomelo.Akka.Node.Cli.Verbs;

/// <summary><c>time</c>: each server's latest reported time (the <c>timeReport</c> sample module), in local time.</summary>
internal static class TimeVerb
{
    public static Command Create(ICliRunner runner)
    {
        var command = new Command("time", "Show the time each server last reported (timeReport module).");
        command.SetAction((parse, cancellationToken) => runner.RunAsync(parse, new VerbInvocation(ExecuteAsync), cancellationToken));
        return command;
    }

    private static async Task<int> ExecuteAsync(VerbContext context, CancellationToken cancellationToken)
    {
        var reply = await context.Client.RequestAsync(AdminModules.TimeReport, null, cancellationToken: cancellationToken).ConfigureAwait(false);
        return context.Emit(reply, body =>
        {
            if (body.ValueKind != JsonValueKind.Object)
            {
                throw new ReplyFormatException("timeReport did not answer with an object");
            }

            var table = Tables.Create("SERVER", "TIME");
            foreach (var server in body.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                table.Row(server.Name, server.Value.ValueKind == JsonValueKind.Number && server.Value.TryGetInt64(out var ms) ? Formats.LocalTime(ms, context.Environment.TimeZone) : JsonReply.Display(server.Value));
            }

            context.Output.Render(table);
        });
    }
}
