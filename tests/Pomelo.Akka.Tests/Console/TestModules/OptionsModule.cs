using Pomelo.Akka.Console;

namespace Pomelo.Akka.Tests.Console.TestModules;

/// <summary>A module whose constructor takes a node service and its own options.</summary>
[AdminModule("with-options")]
public sealed class OptionsModule(TimeProvider time, AdminModuleOptions options) : IAdminModule
{
    public TimeProvider Time { get; } = time;

    public AdminModuleOptions Options { get; } = options;
}
