using Pomelo.Akka.Console;

namespace Pomelo.Akka.Tests.Console.TestModules;

/// <summary>A module whose constructor takes the console service hosting it.</summary>
public sealed class ConsoleAwareModule(IConsoleService consoleService) : IAdminModule
{
    public IConsoleService ConsoleService { get; } = consoleService;
}
