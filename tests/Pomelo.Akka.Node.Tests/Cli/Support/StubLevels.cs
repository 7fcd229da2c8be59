using Pomelo.Akka.Console;

namespace Pomelo.Akka.Node.Tests.Cli.Support;

/// <summary>The access check the stubs apply, as docs/admin-modules.md states it: the caller's authenticated level.</summary>
public static class StubLevels
{
    public const string Denied = "Command permission denied";

    public static void Demand(ClientCaller caller, int level)
    {
        if (!caller.HasLevel(level))
        {
            throw new InvalidOperationException(Denied);
        }
    }
}
