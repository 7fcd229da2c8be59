namespace Pomelo.Akka.Console;

/// <summary>
/// An admin module: the plug-in unit of the console. A module implements any of <see cref="IMasterHandler"/>,
/// <see cref="IMonitorHandler"/>, <see cref="IClientHandler"/> and <see cref="IStartableModule"/>; all are optional.
/// Each module instance runs as an actor: its handlers are called one message at a time.
/// </summary>
public interface IAdminModule
{
}
