namespace Pomelo.Akka.Console;

/// <summary>
/// One module registered on a node, like pomelo's <c>app.registerAdmin</c>: an id, a factory that builds a fresh
/// instance (used again on every restart) and its options.
/// </summary>
/// <param name="Id">The module id.</param>
/// <param name="Factory">Builds an instance from the node's services, the module options and the console service.</param>
/// <param name="Options">The module's options.</param>
public sealed record AdminModuleRegistration(string Id, Func<ModuleFactoryContext, IAdminModule> Factory, AdminModuleOptions Options)
{
    /// <summary>Creates a registration for a module type, with its declared id unless <paramref name="id"/> is given.</summary>
    /// <param name="moduleType">A concrete type implementing <see cref="IAdminModule"/>.</param>
    /// <param name="id">An explicit id, or null for the declared one.</param>
    /// <param name="configure">Adjusts the options after the declared defaults are applied.</param>
    /// <returns>The registration.</returns>
    public static AdminModuleRegistration ForType(Type moduleType, string? id = null, Action<AdminModuleOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(moduleType);
        if (!typeof(IAdminModule).IsAssignableFrom(moduleType) || moduleType.IsAbstract)
        {
            throw new ArgumentException($"{moduleType.FullName} is not a concrete IAdminModule.", nameof(moduleType));
        }

        var declared = DeclaredOf(moduleType);
        var options = DefaultsOf(declared);
        configure?.Invoke(options);
        var moduleId = id ?? declared?.Id ?? throw new ArgumentException($"{moduleType.FullName} declares no module id; pass one or add [AdminModule(\"id\")].", nameof(id));
        return new AdminModuleRegistration(
            moduleId,
            ctx => ModuleActivator.Create(moduleType, ctx),
            options);
    }

    /// <summary>Creates a registration that always hands out the same instance (it is not recreated on restart).</summary>
    /// <param name="instance">The module instance.</param>
    /// <param name="id">An explicit id, or null for the declared one.</param>
    /// <param name="configure">Adjusts the options after the declared defaults are applied.</param>
    /// <returns>The registration.</returns>
    public static AdminModuleRegistration ForInstance(IAdminModule instance, string? id = null, Action<AdminModuleOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var declared = DeclaredOf(instance.GetType());
        var options = DefaultsOf(declared);
        configure?.Invoke(options);
        var moduleId = id ?? declared?.Id ?? throw new ArgumentException($"{instance.GetType().FullName} declares no module id; pass one.", nameof(id));
        return new AdminModuleRegistration(moduleId, _ => instance, options);
    }

    /// <summary>Creates a registration from a factory.</summary>
    /// <param name="id">The module id.</param>
    /// <param name="factory">Builds a fresh instance.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The registration.</returns>
    public static AdminModuleRegistration ForFactory(string id, Func<ModuleFactoryContext, IAdminModule> factory, Action<AdminModuleOptions>? configure = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(factory);
        var options = new AdminModuleOptions();
        configure?.Invoke(options);
        return new AdminModuleRegistration(id, factory, options);
    }

    private static AdminModuleAttribute? DeclaredOf(Type type)
        => (AdminModuleAttribute?)Attribute.GetCustomAttribute(type, typeof(AdminModuleAttribute));

    private static AdminModuleOptions DefaultsOf(AdminModuleAttribute? declared)
    {
        var options = new AdminModuleOptions();
        if (declared is not null)
        {
            options.Type = declared.Type;
            options.Interval = TimeSpan.FromSeconds(declared.IntervalSeconds);
            options.Delay = TimeSpan.FromSeconds(declared.DelaySeconds);
        }

        return options;
    }
}
