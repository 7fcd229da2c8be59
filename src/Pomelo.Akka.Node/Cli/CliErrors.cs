using System.Net.Sockets;
using Pomelo.Akka.Client;
using Pomelo.Akka.Errors;
using Pomelo.Akka.Node.Cli.Output;

namespace Pomelo.Akka.Node.Cli;

/// <summary>
/// Maps what a verb can fail with to an exit code and a message: an error reply is 1; a refused login, a socket error,
/// a timeout or a lost connection is 3. Anything else is a bug and is left to propagate.
/// </summary>
internal static class CliErrors
{
    /// <summary>Describes a failure.</summary>
    /// <param name="exception">What was thrown.</param>
    /// <param name="settings">Where the client was connecting.</param>
    /// <param name="failure">The exit code and message.</param>
    /// <returns>False for exceptions that are not the user's or the master's doing.</returns>
    public static bool TryDescribe(Exception exception, ConnectionSettings settings, out CliFailure failure)
    {
        CliFailure? described = exception switch
        {
            AdminRemoteException remote => new(ExitCodes.Failed, remote.Message),
            ReplyFormatException format => new(ExitCodes.Failed, format.Message),
            AdminAuthenticationException auth => new(ExitCodes.Unavailable, $"cannot log in to {settings.Endpoint} as {settings.User}: {auth.Reason}"),
            SocketException socket => new(ExitCodes.Unavailable, $"cannot connect to {settings.Endpoint}: {socket.Message}"),
            TimeoutException timeout => new(ExitCodes.Unavailable, $"cannot reach {settings.Endpoint}: {timeout.Message}"),
            AdminRequestTimeoutException timeout => new(ExitCodes.Unavailable, $"no reply from the master at {settings.Endpoint}: {timeout.Message}"),
            PeerDisconnectedException => new(ExitCodes.Unavailable, $"the connection to the master at {settings.Endpoint} was lost"),
            AdminRequestException request => new(ExitCodes.Unavailable, request.Message),
            IOException io => new(ExitCodes.Unavailable, $"connection to {settings.Endpoint} failed: {io.Message}"),
            _ => null,
        };
        failure = described ?? default;
        return described is not null;
    }

    /// <summary>Runs a verb's work, printing a failure and returning its exit code.</summary>
    /// <param name="action">The work.</param>
    /// <param name="output">Where errors go.</param>
    /// <param name="settings">Where the client is connected.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(Func<Task<int>> action, CliOutput output, ConnectionSettings settings)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (Exception ex) when (TryDescribe(ex, settings, out var failure))
        {
            output.Fail(failure.Message);
            return failure.ExitCode;
        }
    }
}
