using Pomelo.Akka.Console;

namespace Pomelo.Akka.Tests.TestSupport;

/// <summary>An <see cref="IConsoleService"/> that only has an identity; its commands throw.</summary>
public sealed class FakeConsoleService : IConsoleService
{
    public string ServerId => "test-server";

    public string ServerType => "test";

    public IReadOnlyList<ModuleStatus> ListModules() => throw new NotSupportedException();

    public bool EnableModule(string moduleId) => throw new NotSupportedException();

    public bool DisableModule(string moduleId) => throw new NotSupportedException();
}
