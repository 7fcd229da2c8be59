using System.CommandLine;

namespace Pomelo.Akka.Node.Cli.Shell;

/// <summary>Runs a verb typed in the shell on the shell's open connection, with the <c>use</c> context as default server.</summary>
internal sealed class ShellRunner(ShellSession session) : ICliRunner
{
    /// <inheritdoc />
    public async Task<int> RunAsync(ParseResult parse, VerbInvocation invocation, CancellationToken cancellationToken)
    {
        var login = session.Login;
        if (invocation.Confirmation is { } what)
        {
            login.Output.Line(what);
            var answer = await session.Lines.ReadLineAsync(Confirmation.Question, cancellationToken).ConfigureAwait(false);
            if (!Confirmation.IsYes(answer))
            {
                login.Output.Line("Aborted.");
                return ExitCodes.Failed;
            }
        }

        var context = new VerbContext(login.Client, login.Output, parse.GetValue(session.Options.Json), login.Settings, login.Environment, session.State.Context);
        return await CliErrors.RunAsync(() => invocation.ExecuteAsync(context, cancellationToken), login.Output, login.Settings).ConfigureAwait(false);
    }
}
