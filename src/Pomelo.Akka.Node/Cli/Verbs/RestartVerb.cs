using System.CommandLine;
using Pomelo.Akka.Node.Cli.Output;

namespace Pomelo.Akka.Node.Cli.Verbs;

/// <summary><c>restart &lt;ids...&gt;</c> or <c>restart --type t</c>: restarts servers (<c>__console__</c>, admin).</summary>
internal static class RestartVerb
{
    public static Command Create(ICliRunner runner, VerbArguments arguments)
    {
        var ids = arguments.Ids("the servers to restart");
        var type = new Option<string?>("--type", "-t") { Description = "restart every server of this type" };
        var yes = VerbArguments.Yes();
        var command = new Command("restart", "Restart servers by id, or every server of a type.") { ids, type, yes };
        command.Validators.Add(result =>
        {
            if (result.GetValue(ids) is not { Length: > 0 } && string.IsNullOrEmpty(result.GetValue(type)))
            {
                result.AddError("restart needs server ids or --type");
            }
        });
        command.SetAction((parse, cancellationToken) =>
        {
            var targets = parse.GetValue(ids) ?? [];
            var serverType = parse.GetValue(type);
            var what = "This will restart " + string.Join(" and ", new[]
            {
                targets.Length > 0 ? string.Join(", ", targets) : null,
                serverType is null ? null : $"every server of type {serverType}",
            }.OfType<string>()) + ".";
            return runner.RunAsync(parse, new VerbInvocation((c, ct) => ExecuteAsync(c, targets, serverType, ct), parse.GetValue(yes) ? null : what), cancellationToken);
        });
        return command;
    }

    private static async Task<int> ExecuteAsync(VerbContext context, string[] ids, string? type, CancellationToken cancellationToken)
    {
        var reply = await context.ConsoleAsync(RequestBody.Signal("restart").With("ids", ids).With("type", type), cancellationToken).ConfigureAwait(false);
        return context.Emit(reply, body => new OutcomeTable()
            .Done(body.Items("restarted"), "restarted")
            .NotDone(body.Items("failed"), "failed")
            .Render(context.Output, "restart"));
    }
}
