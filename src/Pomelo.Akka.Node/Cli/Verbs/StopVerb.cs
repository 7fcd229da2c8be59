using System.CommandLine;
using Pomelo.Akka.Node.Cli.Output;

namespace Pomelo.Akka.Node.Cli.Verbs;

/// <summary><c>stop [ids...]</c>: graceful stop of servers, or of all servers then the master (<c>__console__</c>, admin).</summary>
internal static class StopVerb
{
    public static Command Create(ICliRunner runner, VerbArguments arguments)
    {
        var ids = arguments.Ids("the servers to stop; none stops every server, then the master");
        var yes = VerbArguments.Yes();
        var command = new Command("stop", "Stop servers gracefully (all servers and the master when no id is given).") { ids, yes };
        command.SetAction((parse, cancellationToken) =>
        {
            var targets = parse.GetValue(ids) ?? [];
            var what = targets.Length == 0 ? "This will stop every server, then the master." : $"This will stop {string.Join(", ", targets)}.";
            return runner.RunAsync(parse, new VerbInvocation((c, ct) => ExecuteAsync(c, targets, ct), parse.GetValue(yes) ? null : what), cancellationToken);
        });
        return command;
    }

    private static async Task<int> ExecuteAsync(VerbContext context, string[] ids, CancellationToken cancellationToken)
    {
        var reply = await context.ConsoleAsync(RequestBody.Signal("stop").With("ids", ids), cancellationToken).ConfigureAwait(false);
        return context.Emit(reply, body => new OutcomeTable()
            .Done(body.Items("stopped"), "stopped")
            .NotDone(body.Items("failed"), "failed")
            .Render(context.Output, "stop"));
    }
}
