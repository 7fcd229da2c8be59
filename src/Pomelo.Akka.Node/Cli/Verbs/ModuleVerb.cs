using System.CommandLine;
using System.Text.Json;
using Pomelo.Akka.Node.Cli.Output;

namespace Pomelo.Akka.Node.Cli.Verbs;

/// <summary>
/// <c>module list</c> (the console command <c>list</c>, any level) and <c>module enable|disable &lt;id&gt; [--server id]</c>
/// (<c>__console__</c> signals, admin).
/// </summary>
internal static class ModuleVerb
{
    public static Command Create(ICliRunner runner, VerbArguments arguments)
    {
        var list = new Command("list", "List the master's modules with their state.");
        list.SetAction((parse, cancellationToken) => runner.RunAsync(parse, new VerbInvocation(ListAsync), cancellationToken));
        return new Command("module", "List, enable or disable admin modules.")
        {
            list,
            Switch(runner, arguments, "enable"),
            Switch(runner, arguments, "disable"),
        };
    }

    private static Command Switch(ICliRunner runner, VerbArguments arguments, string signal)
    {
        var moduleId = new Argument<string>("moduleId") { Description = "the module id" };
        var server = arguments.Server($"{signal} it on this server only (default: every server)");
        var command = new Command(signal, $"{char.ToUpperInvariant(signal[0])}{signal[1..]} a module on every server, or on one.") { moduleId, server };
        command.SetAction((parse, cancellationToken) =>
        {
            var id = parse.GetValue(moduleId)!;
            var serverId = parse.GetValue(server);
            return runner.RunAsync(parse, new VerbInvocation((c, ct) => SwitchAsync(c, signal, id, serverId, ct)), cancellationToken);
        });
        return command;
    }

    private static async Task<int> ListAsync(VerbContext context, CancellationToken cancellationToken)
    {
        var reply = await context.Client.CommandAsync("list", cancellationToken: cancellationToken).ConfigureAwait(false);
        return context.Emit(reply, body =>
        {
            var details = body.Items("details");
            if (details.Count > 0)
            {
                context.Output.Render(ModuleTable.Create(details));
            }
            else
            {
                context.Output.Line(string.Join(Environment.NewLine, body.Texts("modules")));
            }
        });
    }

    private static async Task<int> SwitchAsync(VerbContext context, string signal, string moduleId, string? serverId, CancellationToken cancellationToken)
    {
        var body = RequestBody.Signal(signal).With("moduleId", moduleId).With("serverId", serverId);
        var reply = await context.ConsoleAsync(body, cancellationToken).ConfigureAwait(false);
        return context.Emit(reply, (JsonElement _) => context.Output.Line($"Module {moduleId} {signal}d on {(serverId is null ? "every server" : serverId)}."));
    }
}
