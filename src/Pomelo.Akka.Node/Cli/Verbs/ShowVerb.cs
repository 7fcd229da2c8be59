using System.CommandLine;
using Pomelo.Akka.Node.Cli.Output;

namespace Pomelo.Akka.Node.Cli.Verbs;

/// <summary><c>show &lt;what&gt; [--server id]</c>: a server's view through <c>watchServer</c> (viewer; <c>config</c> operator).</summary>
internal static class ShowVerb
{
    public static Command Create(ICliRunner runner, VerbArguments arguments)
    {
        var what = new Argument<string>("what") { Description = "what to show: " + string.Join(" | ", ShowRenderer.Commands) };
        what.AcceptOnlyFromAmong(ShowRenderer.Commands);
        var server = arguments.Server("the server to ask (default: the shell's context, else the master)");
        var command = new Command("show", "Show a server's servers, connections, logins, modules, status, config, components or settings.") { what, server };
        command.SetAction((parse, cancellationToken) =>
        {
            var view = parse.GetValue(what)!;
            var serverId = parse.GetValue(server);
            return runner.RunAsync(parse, new VerbInvocation((c, ct) => ExecuteAsync(c, view, serverId, ct)), cancellationToken);
        });
        return command;
    }

    private static async Task<int> ExecuteAsync(VerbContext context, string view, string? server, CancellationToken cancellationToken)
    {
        var reply = await context.WatchServerAsync(RequestBody.Command(view, context.Target(server)), cancellationToken).ConfigureAwait(false);
        return context.Emit(reply, body => ShowRenderer.Render(context.Output, view, body));
    }
}
