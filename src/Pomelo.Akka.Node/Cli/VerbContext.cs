using System.Text.Json;
using Pomelo.Akka.Client;
using Pomelo.Akka.Node.Cli.Output;

namespace Pomelo.Akka.Node.Cli;

/// <summary>What a verb runs with: the logged-in client, the output, <c>--json</c>, and the shell's server context.</summary>
internal sealed class VerbContext(AdminClient client, CliOutput output, bool json, ConnectionSettings settings, CliEnvironment environment, string? contextServer = null)
{
    /// <summary>Gets the logged-in client.</summary>
    public AdminClient Client { get; } = client;

    /// <summary>Gets the output.</summary>
    public CliOutput Output { get; } = output;

    /// <summary>Gets whether to print the reply as JSON.</summary>
    public bool Json { get; } = json;

    /// <summary>Gets where the client is connected and as whom.</summary>
    public ConnectionSettings Settings { get; } = settings;

    /// <summary>Gets the environment.</summary>
    public CliEnvironment Environment { get; } = environment;

    /// <summary>Gets the server chosen with the shell's <c>use</c>, or null for all (the master).</summary>
    public string? ContextServer { get; } = contextServer;

    /// <summary>Returns the server a per-server verb targets: <c>--server</c>, else the shell's context, else null (the master).</summary>
    /// <param name="server">The <c>--server</c> value.</param>
    /// <returns>The server id, or null.</returns>
    public string? Target(string? server) => server ?? ContextServer;

    /// <summary>Sends a request to the master's <c>__console__</c> module.</summary>
    /// <param name="body">The body (<c>signal</c> plus arguments).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The reply body.</returns>
    public Task<JsonElement?> ConsoleAsync(RequestBody body, CancellationToken cancellationToken)
        => Client.RequestAsync(AdminModules.Console, body.Fields, cancellationToken: cancellationToken);

    /// <summary>Sends a request to the <c>watchServer</c> module.</summary>
    /// <param name="body">The body (<c>command</c>, <c>serverId</c> and arguments).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The reply body.</returns>
    public Task<JsonElement?> WatchServerAsync(RequestBody body, CancellationToken cancellationToken)
        => Client.RequestAsync(AdminModules.WatchServer, body.Fields, cancellationToken: cancellationToken);

    /// <summary>Prints a reply: as JSON with <c>--json</c>, else through <paramref name="human"/>.</summary>
    /// <param name="reply">The reply body.</param>
    /// <param name="human">Renders it for people; returns the exit code.</param>
    /// <returns>The exit code: 0 for JSON, else what <paramref name="human"/> returns.</returns>
    public int Emit(JsonElement? reply, Func<JsonElement, int> human)
    {
        if (Json)
        {
            Output.Json(reply);
            return ExitCodes.Ok;
        }

        return human(JsonReply.Require(reply));
    }

    /// <summary>Prints a reply: as JSON with <c>--json</c>, else through <paramref name="human"/>; exit code 0.</summary>
    /// <param name="reply">The reply body.</param>
    /// <param name="human">Renders it for people.</param>
    /// <returns>0.</returns>
    public int Emit(JsonElement? reply, Action<JsonElement> human) => Emit(reply, body =>
    {
        human(body);
        return ExitCodes.Ok;
    });
}
