using System.CommandLine;

namespace Pomelo.Akka.Node.Cli;

/// <summary>
/// The global connection options, recursive so every verb takes them: <c>-h/--host</c>, <c>-P/--port</c>,
/// <c>-u/--user</c>, <c>-p/--password</c> and <c>--timeout</c>.
/// </summary>
internal sealed class ConnectionOptions
{
    /// <summary>The default master host.</summary>
    public const string DefaultHost = "127.0.0.1";

    /// <summary>The default master admin port.</summary>
    public const int DefaultPort = 3005;

    public ConnectionOptions()
    {
        Port.Validators.Add(result =>
        {
            if (result.GetValue(Port) is < 1 or > 65535)
            {
                result.AddError("--port must be between 1 and 65535");
            }
        });
        Timeout.Validators.Add(result =>
        {
            if (result.GetValue(Timeout) <= 0)
            {
                result.AddError("--timeout must be a positive number of seconds");
            }
        });
    }

    /// <summary>Gets <c>-h/--host</c>.</summary>
    public Option<string> Host { get; } = new("--host", "-h")
    {
        Description = "the master's host",
        DefaultValueFactory = _ => DefaultHost,
        Recursive = true,
    };

    /// <summary>Gets <c>-P/--port</c>.</summary>
    public Option<int> Port { get; } = new("--port", "-P")
    {
        Description = "the master's admin port",
        DefaultValueFactory = _ => DefaultPort,
        Recursive = true,
    };

    /// <summary>Gets <c>-u/--user</c>.</summary>
    public Option<string?> User { get; } = new("--user", "-u")
    {
        Description = "the admin user (default: $" + CliEnvironment.UserVariable + ")",
        Recursive = true,
    };

    /// <summary>Gets <c>-p/--password</c>.</summary>
    public Option<string?> Password { get; } = new("--password", "-p")
    {
        Description = "the password (default: $" + CliEnvironment.PasswordVariable + ", else asked for on a terminal)",
        Recursive = true,
    };

    /// <summary>Gets <c>--timeout</c>.</summary>
    public Option<double> Timeout { get; } = new("--timeout")
    {
        Description = "seconds to wait for the master's reply",
        DefaultValueFactory = _ => 10,
        Recursive = true,
    };

    /// <summary>Adds the options to the root command.</summary>
    /// <param name="root">The root.</param>
    public void AddTo(Command root)
    {
        root.Options.Add(Host);
        root.Options.Add(Port);
        root.Options.Add(User);
        root.Options.Add(Password);
        root.Options.Add(Timeout);
    }
}
