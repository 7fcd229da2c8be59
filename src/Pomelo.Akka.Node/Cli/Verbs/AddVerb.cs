using System.CommandLine;
using Pomelo.Akka.Node.Cli.Output;

namespace Pomelo.Akka.Node.Cli.Verbs;

/// <summary><c>add k=v...</c>: starts a new server, e.g. <c>add id=area-server-9 serverType=area port=3160</c> (<c>__console__</c>, admin).</summary>
internal static class AddVerb
{
    public static Command Create(ICliRunner runner)
    {
        var settings = new Argument<string[]>("settings")
        {
            Description = "the new server as key=value pairs: id, serverType, host, port, ...",
            Arity = ArgumentArity.OneOrMore,
        };
        settings.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.IndexOf('=', StringComparison.Ordinal) <= 0))
            {
                result.AddError($"'{token.Value}' is not key=value");
            }
        });
        var command = new Command("add", "Start a new server from key=value settings.") { settings };
        command.SetAction((parse, cancellationToken) =>
        {
            var args = parse.GetValue(settings) ?? [];
            return runner.RunAsync(parse, new VerbInvocation((c, ct) => ExecuteAsync(c, args, ct)), cancellationToken);
        });
        return command;
    }

    private static async Task<int> ExecuteAsync(VerbContext context, string[] args, CancellationToken cancellationToken)
    {
        var reply = await context.ConsoleAsync(RequestBody.Signal("add").With("args", args), cancellationToken).ConfigureAwait(false);
        return context.Emit(reply, body =>
        {
            var added = body.Field("added") ?? throw new ReplyFormatException("no 'added' in the reply to add");
            context.Output.Line($"Added server {added.Text("id") ?? "?"} (pid {added.Text("pid") ?? "?"}).");
        });
    }
}
