using System.CommandLine;

namespace Pomelo.Akka.Node.Commands;

/// <summary>Options shared by the node verbs.</summary>
internal static class NodeOptions
{
    public static Option<string?> Config() => new("--config", "-c")
    {
        Description = "HOCON or JSON cluster config file, or a folder holding cluster.conf (default: the shipped sample)",
    };

    public static Option<string?> Env() => new("--env", "-e")
    {
        Description = "environment whose servers to use (development | production); default pomelo.env",
    };
}
