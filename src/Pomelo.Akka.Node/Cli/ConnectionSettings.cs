using System.CommandLine;
using Pomelo.Akka.Client;

namespace Pomelo.Akka.Node.Cli;

/// <summary>Where to connect and who to log in as, resolved from the options and the environment.</summary>
/// <param name="Host">The master's host.</param>
/// <param name="Port">The master's admin port.</param>
/// <param name="User">The user.</param>
/// <param name="Password">The password, or null when it still has to be asked for.</param>
/// <param name="Timeout">The request deadline.</param>
internal sealed record ConnectionSettings(string Host, int Port, string User, string? Password, TimeSpan Timeout)
{
    private static readonly TimeSpan MaxConnectTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Gets <c>host:port</c>.</summary>
    public string Endpoint => Host + ":" + Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Resolves the settings: options first, then <c>POMELO_USER</c> / <c>POMELO_PASSWORD</c>.</summary>
    /// <param name="parse">The parsed command line.</param>
    /// <param name="options">The connection options.</param>
    /// <param name="environment">The environment variables.</param>
    /// <param name="error">Why no settings could be made: no user.</param>
    /// <returns>The settings, or null with <paramref name="error"/>.</returns>
    public static ConnectionSettings? Resolve(ParseResult parse, ConnectionOptions options, CliEnvironment environment, out string? error)
    {
        var user = parse.GetValue(options.User) is { Length: > 0 } u ? u : environment.Variable(CliEnvironment.UserVariable);
        if (user is null)
        {
            error = $"no user: pass -u/--user or set {CliEnvironment.UserVariable}";
            return null;
        }

        error = null;
        var password = parse.GetValue(options.Password) ?? environment.Variable(CliEnvironment.PasswordVariable);
        var host = parse.GetValue(options.Host) is { Length: > 0 } h ? h : ConnectionOptions.DefaultHost;
        return new ConnectionSettings(host, parse.GetValue(options.Port), user, password, TimeSpan.FromSeconds(parse.GetValue(options.Timeout)));
    }

    /// <summary>Builds the admin client's options (the password is sent as typed; the master also accepts pomelo-cli's md5).</summary>
    /// <returns>The options.</returns>
    public AdminClientOptions ToClientOptions() => new()
    {
        Host = Host,
        Port = Port,
        Username = User,
        Password = Password ?? string.Empty,
        RequestTimeout = Timeout,
        ConnectTimeout = Timeout < MaxConnectTimeout ? Timeout : MaxConnectTimeout,
    };
}
