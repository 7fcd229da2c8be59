namespace Pomelo.Akka.Node.Cli;

/// <summary>The module ids the verbs talk to (docs/admin-modules.md).</summary>
internal static class AdminModules
{
    /// <summary>The master's console: list, stop, kill, restart, add, blacklist, enable, disable.</summary>
    public const string Console = "__console__";

    /// <summary>Per-server views and settings, forwarded by the master to the server's monitor.</summary>
    public const string WatchServer = "watchServer";

    /// <summary>The sample module reporting each server's time.</summary>
    public const string TimeReport = "timeReport";
}
