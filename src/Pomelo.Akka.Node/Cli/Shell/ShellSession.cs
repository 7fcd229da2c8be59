using Pomelo.Akka.Node.Cli.Verbs;

namespace Pomelo.Akka.Node.Cli.Shell;

/// <summary>One shell: its login (client, output, settings), state, line source and the shell's own options.</summary>
/// <param name="login">The context of the login the shell runs on.</param>
/// <param name="state">The shell's state.</param>
/// <param name="options">The shell tree's options (<c>--json</c>).</param>
/// <param name="lines">Where lines and answers are read.</param>
internal sealed class ShellSession(VerbContext login, ShellState state, CliOptions options, ILineSource lines)
{
    /// <summary>Gets the login.</summary>
    public VerbContext Login { get; } = login;

    /// <summary>Gets the state.</summary>
    public ShellState State { get; } = state;

    /// <summary>Gets the shell tree's options.</summary>
    public CliOptions Options { get; } = options;

    /// <summary>Gets the line source.</summary>
    public ILineSource Lines { get; } = lines;

    /// <summary>Refreshes the known server ids from <c>list</c>; on failure keeps the old ones and warns.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>Whether the ids are fresh.</returns>
    public async Task<bool> RefreshServersAsync(CancellationToken cancellationToken)
    {
        try
        {
            State.ServerIds = await ListVerb.FetchIdsAsync(Login, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (CliErrors.TryDescribe(ex, Login.Settings, out var failure))
        {
            await Login.Output.Error.WriteLineAsync("warning: cannot list the servers: " + failure.Message).ConfigureAwait(false);
            return false;
        }
    }
}
