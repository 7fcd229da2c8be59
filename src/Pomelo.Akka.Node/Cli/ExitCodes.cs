namespace Pomelo.Akka.Node.Cli;

/// <summary>What the admin command line's exit codes mean.</summary>
internal static class ExitCodes
{
    /// <summary>The command ran and the master replied without an error.</summary>
    public const int Ok = 0;

    /// <summary>The master (or the module) answered with an error, or the command was declined at its prompt.</summary>
    public const int Failed = 1;

    /// <summary>The command line was wrong: unknown verb or option, missing argument, no user, no confirmation.</summary>
    public const int Usage = 2;

    /// <summary>The master could not be reached, refused the login, or stopped answering.</summary>
    public const int Unavailable = 3;
}
