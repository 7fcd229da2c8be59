using Microsoft.Extensions.DependencyInjection;
using Pomelo.Akka.Console;

namespace Pomelo.Akka.Hosting;

/// <summary>Returned by <c>AddPomeloMaster</c> / <c>AddPomeloMonitor</c> to register admin modules fluently.</summary>
/// <param name="services">The service collection.</param>
public sealed class PomeloBuilder(IServiceCollection services)
{
    /// <summary>Gets the service collection.</summary>
    public IServiceCollection Services { get; } = services;

    /// <summary>Registers a module type with its declared id (or <paramref name="id"/>), like pomelo's <c>app.registerAdmin</c>.</summary>
    /// <typeparam name="TModule">The module type.</typeparam>
    /// <param name="configure">Adjusts its options (schedule type, interval, delay, mailbox).</param>
    /// <param name="id">An explicit id.</param>
    /// <returns>This builder.</returns>
    public PomeloBuilder AddAdminModule<TModule>(Action<AdminModuleOptions>? configure = null, string? id = null)
        where TModule : class, IAdminModule
    {
        Services.AddAdminModule<TModule>(configure, id);
        return this;
    }

    /// <summary>Registers a module instance (the same instance is kept across restarts).</summary>
    /// <param name="instance">The module.</param>
    /// <param name="id">An explicit id, or null for the declared one.</param>
    /// <param name="configure">Adjusts its options.</param>
    /// <returns>This builder.</returns>
    public PomeloBuilder AddAdminModule(IAdminModule instance, string? id = null, Action<AdminModuleOptions>? configure = null)
    {
        Services.AddAdminModule(AdminModuleRegistration.ForInstance(instance, id, configure));
        return this;
    }

    /// <summary>Registers a module factory, called for the first instance and again on every restart.</summary>
    /// <param name="id">The module id.</param>
    /// <param name="factory">Builds an instance.</param>
    /// <param name="configure">Sets its options.</param>
    /// <returns>This builder.</returns>
    public PomeloBuilder AddAdminModule(string id, Func<ModuleFactoryContext, IAdminModule> factory, Action<AdminModuleOptions>? configure = null)
    {
        Services.AddAdminModule(AdminModuleRegistration.ForFactory(id, factory, configure));
        return this;
    }
}
