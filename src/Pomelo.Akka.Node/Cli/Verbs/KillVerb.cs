using System.CommandLine;
using Pomelo.Akka.Node.Cli.Output;

namespace Pomelo.Akka.Node.Cli.Verbs;

/// <summary><c>kill [ids...]</c>: forced stop of servers, or of all of them (<c>__console__</c>, admin).</summary>
internal static class KillVerb
{
    public static Command Create(ICliRunner runner, VerbArguments arguments)
    {
        var ids = arguments.Ids("the servers to kill; none kills every server and the master");
        var yes = VerbArguments.Yes();
        var command = new Command("kill", "Kill servers at once, without a graceful stop (all when no id is given).") { ids, yes };
        command.SetAction((parse, cancellationToken) =>
        {
            var targets = parse.GetValue(ids) ?? [];
            var what = targets.Length == 0 ? "This will kill every server and the master." : $"This will kill {string.Join(", ", targets)}.";
            return runner.RunAsync(parse, new VerbInvocation((c, ct) => ExecuteAsync(c, targets, ct), parse.GetValue(yes) ? null : what), cancellationToken);
        });
        return command;
    }

    private static async Task<int> ExecuteAsync(VerbContext context, string[] ids, CancellationToken cancellationToken)
    {
        var reply = await context.ConsoleAsync(RequestBody.Signal("kill").With("ids", ids), cancellationToken).ConfigureAwait(false);
        return context.Emit(reply, body => new OutcomeTable()
            .Done(body.Items("killed"), "killed")
            .NotDone(body.Items("notAnswered"), "not answered")
            .Render(context.Output, "kill"));
    }
}
