using System.Collections.Frozen;

namespace Pomelo.Akka.Modules.WatchServer;

/// <summary>The commands of the <c>watchServer</c> module, as they appear in <c>{command: ...}</c> bodies.</summary>
public static class WatchServerCommands
{
    /// <summary>The node's view of the servers.</summary>
    public const string Servers = "servers";

    /// <summary>What the application reports as its connections.</summary>
    public const string Connections = "connections";

    /// <summary>What the application reports as its logins.</summary>
    public const string Logins = "logins";

    /// <summary>The node's admin modules and their state.</summary>
    public const string Modules = "modules";

    /// <summary>Process id, uptime, memory, collections and threads.</summary>
    public const string Status = "status";

    /// <summary>The node's configuration, secrets masked.</summary>
    public const string Config = "config";

    /// <summary>The node's components.</summary>
    public const string Components = "components";

    /// <summary>Every runtime setting.</summary>
    public const string Settings = "settings";

    /// <summary>One runtime setting.</summary>
    public const string Get = "get";

    /// <summary>Writes one runtime setting (creating it when new).</summary>
    public const string Set = "set";

    /// <summary>Evaluates an expression on the node (not available yet).</summary>
    public const string Run = "run";

    /// <summary>A memory or cpu profile (not available yet).</summary>
    public const string Dump = "dump";

    private static readonly FrozenSet<string> Known = new[]
    {
        Servers, Connections, Logins, Modules, Status, Config, Components, Settings, Get, Set, Run, Dump,
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Gets every command, for documentation and tests.</summary>
    public static IReadOnlySet<string> All => Known;

    /// <summary>Checks whether a command is one of the module's.</summary>
    /// <param name="command">The command.</param>
    /// <returns>True when known.</returns>
    public static bool IsKnown(string command) => Known.Contains(command);
}
