using System.CommandLine;
using Pomelo.Akka.Node.Cli.Output;

namespace Pomelo.Akka.Node.Cli.Verbs;

/// <summary><c>blacklist ip...</c>: refuses client addresses on the frontend servers (<c>__console__</c>, operator).</summary>
internal static class BlacklistVerb
{
    public static Command Create(ICliRunner runner)
    {
        var addresses = new Argument<string[]>("addresses")
        {
            Description = "IPv4 or IPv6 addresses to refuse",
            Arity = ArgumentArity.OneOrMore,
        };
        VerbArguments.RejectOptionLike(addresses);
        var command = new Command("blacklist", "Refuse client connections from addresses on every frontend server.") { addresses };
        command.SetAction((parse, cancellationToken) =>
        {
            var args = parse.GetValue(addresses) ?? [];
            return runner.RunAsync(parse, new VerbInvocation((c, ct) => ExecuteAsync(c, args, ct)), cancellationToken);
        });
        return command;
    }

    private static async Task<int> ExecuteAsync(VerbContext context, string[] args, CancellationToken cancellationToken)
    {
        var reply = await context.ConsoleAsync(RequestBody.Signal("blacklist").With("args", args), cancellationToken).ConfigureAwait(false);
        return context.Emit(reply, body =>
        {
            var servers = body.Texts("servers");
            context.Output.Line($"Blacklisted {string.Join(", ", body.Texts("blacklisted"))} on "
                + (servers.Count == 0 ? "no frontend server." : $"{string.Join(", ", servers)}."));
        });
    }
}
