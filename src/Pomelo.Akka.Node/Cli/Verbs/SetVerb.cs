using System.CommandLine;
using Pomelo.Akka.Node.Cli.Output;

namespace Pomelo.Akka.Node.Cli.Verbs;

/// <summary><c>set &lt;key&gt; &lt;value&gt; [--server id]</c>: changes one setting of a server (<c>watchServer</c>, admin).</summary>
internal static class SetVerb
{
    public static Command Create(ICliRunner runner, VerbArguments arguments)
    {
        var key = new Argument<string>("key") { Description = "the setting" };
        var value = new Argument<string>("value") { Description = "its new value (sent as a string)" };
        var server = arguments.Server("the server (default: the shell's context, else the master)");
        var command = new Command("set", "Change a setting of a server.") { key, value, server };
        command.SetAction((parse, cancellationToken) =>
        {
            var name = parse.GetValue(key)!;
            var text = parse.GetValue(value)!;
            var serverId = parse.GetValue(server);
            return runner.RunAsync(parse, new VerbInvocation((c, ct) => ExecuteAsync(c, name, text, serverId, ct)), cancellationToken);
        });
        return command;
    }

    private static async Task<int> ExecuteAsync(VerbContext context, string key, string value, string? server, CancellationToken cancellationToken)
    {
        var body = RequestBody.Command("set", context.Target(server)).With("key", key).With("value", value);
        var reply = await context.WatchServerAsync(body, cancellationToken).ConfigureAwait(false);
        return context.Emit(reply, b => context.Output.Line($"Set {b.Text("key") ?? key} = {b.Text("value") ?? value} on {b.Text("serverId") ?? server ?? "the master"}."));
    }
}
