using System.CommandLine;
using Pomelo.Akka.Node.Cli.Output;

namespace Pomelo.Akka.Node.Cli.Verbs;

/// <summary><c>get &lt;key&gt; [--server id]</c>: reads one setting of a server (<c>watchServer</c>, viewer).</summary>
internal static class GetVerb
{
    public static Command Create(ICliRunner runner, VerbArguments arguments)
    {
        var key = new Argument<string>("key") { Description = "the setting" };
        var server = arguments.Server("the server (default: the shell's context, else the master)");
        var command = new Command("get", "Read a setting of a server.") { key, server };
        command.SetAction((parse, cancellationToken) =>
        {
            var name = parse.GetValue(key)!;
            var serverId = parse.GetValue(server);
            return runner.RunAsync(parse, new VerbInvocation((c, ct) => ExecuteAsync(c, name, serverId, ct)), cancellationToken);
        });
        return command;
    }

    private static async Task<int> ExecuteAsync(VerbContext context, string key, string? server, CancellationToken cancellationToken)
    {
        var reply = await context.WatchServerAsync(RequestBody.Command("get", context.Target(server)).With("key", key), cancellationToken).ConfigureAwait(false);
        return context.Emit(reply, body => context.Output.Line($"{body.Text("key") ?? key} = {body.Text("value") ?? "-"}"));
    }
}
