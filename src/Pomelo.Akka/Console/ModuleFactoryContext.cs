namespace Pomelo.Akka.Console;

/// <summary>What a module factory receives: the node's services, the module's options and the console service hosting it.</summary>
/// <param name="Services">The node's service provider.</param>
/// <param name="Options">The module's options.</param>
/// <param name="Console">The console service (master or monitor) the module runs in.</param>
public sealed record ModuleFactoryContext(IServiceProvider Services, AdminModuleOptions Options, IConsoleService Console);
