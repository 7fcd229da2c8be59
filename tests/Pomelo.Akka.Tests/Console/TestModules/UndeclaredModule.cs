using Pomelo.Akka.Console;

namespace Pomelo.Akka.Tests.Console.TestModules;

/// <summary>A module without [AdminModule] and with only a parameterless constructor.</summary>
public sealed class UndeclaredModule : IAdminModule
{
}
