using System.CommandLine;
using Pomelo.Akka.Node.Cli.Output;

namespace Pomelo.Akka.Node.Cli.Verbs;

/// <summary><c>run &lt;expression&gt; [--server id]</c>: evaluates an expression inside a server (<c>watchServer</c>, admin).</summary>
internal static class RunVerb
{
    public static Command Create(ICliRunner runner, VerbArguments arguments)
    {
        var expression = new Argument<string>("expression") { Description = "the expression (quote it when it has spaces)" };
        var server = arguments.Server("the server (default: the shell's context, else the master)");
        var command = new Command("run", "Evaluate an expression inside a server and print the result.") { expression, server };
        command.SetAction((parse, cancellationToken) =>
        {
            var text = parse.GetValue(expression)!;
            var serverId = parse.GetValue(server);
            return runner.RunAsync(parse, new VerbInvocation((c, ct) => ExecuteAsync(c, text, serverId, ct)), cancellationToken);
        });
        return command;
    }

    private static async Task<int> ExecuteAsync(VerbContext context, string expression, string? server, CancellationToken cancellationToken)
    {
        var body = RequestBody.Command("run", context.Target(server)).With("expression", expression);
        var reply = await context.WatchServerAsync(body, cancellationToken).ConfigureAwait(false);
        return context.Emit(reply, b => context.Output.Line(b.Text("result") ?? "-"));
    }
}
