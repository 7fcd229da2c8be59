using System.CommandLine;
using Pomelo.Akka.Client;
using Pomelo.Akka.Node.Cli.Output;

namespace Pomelo.Akka.Node.Cli;

/// <summary>
/// Runs a verb from the command line: resolves the connection settings, asks for confirmation (or refuses when
/// nobody can answer), connects and logs in, runs the verb, and disconnects.
/// </summary>
internal sealed class OneShotRunner(CliOptions options, CliEnvironment environment, CliOutput output) : ICliRunner
{
    private readonly ConnectionOptions _connection = options.Connection ?? throw new ArgumentException("the command line needs connection options", nameof(options));

    /// <inheritdoc />
    public async Task<int> RunAsync(ParseResult parse, VerbInvocation invocation, CancellationToken cancellationToken)
    {
        var settings = ConnectionSettings.Resolve(parse, _connection, environment, out var error);
        if (settings is null)
        {
            output.Fail(error!);
            return ExitCodes.Usage;
        }

        if (invocation.Confirmation is { } what)
        {
            var confirmed = await ConfirmAsync(what, cancellationToken).ConfigureAwait(false);
            if (confirmed != ExitCodes.Ok)
            {
                return confirmed;
            }
        }

        if (settings.Password is null)
        {
            if (!environment.IsInteractive)
            {
                output.Fail($"no password: pass -p/--password or set {CliEnvironment.PasswordVariable}");
                return ExitCodes.Usage;
            }

            settings = settings with { Password = await PasswordPrompt.ReadAsync(environment, cancellationToken).ConfigureAwait(false) };
        }

        AdminClient client;
        try
        {
            client = await AdminClient.ConnectAsync(settings.ToClientOptions(), cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (CliErrors.TryDescribe(ex, settings, out var failure))
        {
            output.Fail(failure.Message);
            return failure.ExitCode;
        }

        await using (client.ConfigureAwait(false))
        {
            var context = new VerbContext(client, output, parse.GetValue(options.Json), settings, environment);
            return await CliErrors.RunAsync(() => invocation.ExecuteAsync(context, cancellationToken), output, settings).ConfigureAwait(false);
        }
    }

    private async Task<int> ConfirmAsync(string what, CancellationToken cancellationToken)
    {
        if (!environment.IsInteractive)
        {
            output.Fail(Confirmation.CannotAsk(what));
            return ExitCodes.Usage;
        }

        await environment.Out.WriteAsync(what + Environment.NewLine + Confirmation.Question).ConfigureAwait(false);
        await environment.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
        if (Confirmation.IsYes(await environment.In.ReadLineAsync(cancellationToken).ConfigureAwait(false)))
        {
            return ExitCodes.Ok;
        }

        output.Line("Aborted.");
        return ExitCodes.Failed;
    }
}
