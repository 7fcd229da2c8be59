namespace Pomelo.Akka.Console;

/// <summary>The module runtime of one node (master or monitor): its modules, their state, enable and disable.</summary>
public interface IConsoleService
{
    /// <summary>Gets this node's server id.</summary>
    string ServerId { get; }

    /// <summary>Gets this node's server type (<c>master</c> on the master).</summary>
    string ServerType { get; }

    /// <summary>Lists the modules registered on this node.</summary>
    /// <returns>A snapshot per module.</returns>
    IReadOnlyList<ModuleStatus> ListModules();

    /// <summary>Enables a module on this node (reviving it if it had failed).</summary>
    /// <param name="moduleId">The module id.</param>
    /// <returns>False when no such module exists.</returns>
    bool EnableModule(string moduleId);

    /// <summary>Disables a module on this node: its handlers are not called and its schedule stops.</summary>
    /// <param name="moduleId">The module id.</param>
    /// <returns>False when no such module exists.</returns>
    bool DisableModule(string moduleId);
}
