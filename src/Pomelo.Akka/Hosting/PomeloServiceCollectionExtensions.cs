using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Pomelo.Akka.Cluster;
using Pomelo.Akka.Console;
using Pomelo.Akka.Master;
using Pomelo.Akka.Monitor;
using Pomelo.Akka.Security;

namespace Pomelo.Akka.Hosting;

/// <summary>DI registration of a master, a monitor and admin modules. Every method is idempotent.</summary>
public static class PomeloServiceCollectionExtensions
{
    /// <summary>The configuration section of the auth options.</summary>
    public const string AuthSection = "pomelo:auth";

    /// <summary>The configuration section of the supervision options.</summary>
    public const string SupervisionSection = "pomelo:supervision";

    /// <summary>The configuration section listing modules to load by type name.</summary>
    public const string ModulesSection = "pomelo:modules";

    /// <summary>Adds the master (a hosted service), bound from <c>pomelo:master</c> and validated at start.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Adjusts the options after binding.</param>
    /// <returns>A builder to add modules.</returns>
    public static PomeloBuilder AddPomeloMaster(this IServiceCollection services, Action<MasterOptions>? configure = null)
    {
        services.AddPomeloCore();
        var options = services.AddOptions<MasterOptions>().BindConfiguration(MasterOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => o.RegisterTimeout > TimeSpan.Zero && o.RequestTimeout > TimeSpan.Zero && o.SweepInterval > TimeSpan.Zero, "pomelo.master: registerTimeout, requestTimeout and sweepInterval must be positive durations")
            .ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton<AdminAuthenticator>();
        if (!services.Any(d => d.ServiceType == typeof(MasterService)))
        {
            services.AddSingleton<MasterService>();
            services.AddHostedService(sp => sp.GetRequiredService<MasterService>());
        }

        return new PomeloBuilder(services);
    }

    /// <summary>Adds a monitor (a hosted service), bound from <c>pomelo:monitor</c> and validated at start.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Adjusts the options after binding.</param>
    /// <returns>A builder to add modules.</returns>
    public static PomeloBuilder AddPomeloMonitor(this IServiceCollection services, Action<MonitorOptions>? configure = null)
    {
        services.AddPomeloCore();
        var options = services.AddOptions<MonitorOptions>().BindConfiguration(MonitorOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => o.HeartbeatInterval > TimeSpan.Zero && o.ConnectTimeout > TimeSpan.Zero && o.RegisterTimeout > TimeSpan.Zero && o.RequestTimeout > TimeSpan.Zero, "pomelo.monitor: heartbeatInterval and the timeouts must be positive durations")
            .Validate(o => o.ReconnectDelay > TimeSpan.Zero && o.ReconnectDelayMax >= o.ReconnectDelay, "pomelo.monitor: reconnectDelay must be positive and at most reconnectDelayMax")
            .ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        // Monitors built from one container share their server maps' entries (a process hosting many monitors).
        services.TryAddSingleton<ServerEntryInterner>();
        if (!services.Any(d => d.ServiceType == typeof(MonitorService)))
        {
            services.AddSingleton<MonitorService>();
            services.AddHostedService(sp => sp.GetRequiredService<MonitorService>());
            services.AddSingleton(sp => sp.GetRequiredService<MonitorService>().ServerMap);
        }

        return new PomeloBuilder(services);
    }

    /// <summary>Registers a module type; a second registration of the same type and id is ignored.</summary>
    /// <typeparam name="TModule">The module type.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="configure">Adjusts its options.</param>
    /// <param name="id">An explicit id, or null for the declared one.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddAdminModule<TModule>(this IServiceCollection services, Action<AdminModuleOptions>? configure = null, string? id = null)
        where TModule : class, IAdminModule
        => services.AddAdminModule(AdminModuleRegistration.ForType(typeof(TModule), id, configure));

    /// <summary>Registers a module; a later registration with the same id replaces an earlier one.</summary>
    /// <param name="services">The services.</param>
    /// <param name="registration">The registration.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddAdminModule(this IServiceCollection services, AdminModuleRegistration registration)
    {
        var existing = services.Where(d => d.ServiceType == typeof(AdminModuleRegistration) && d.ImplementationInstance is AdminModuleRegistration r && r.Id == registration.Id).ToList();
        foreach (var descriptor in existing)
        {
            services.Remove(descriptor);
        }

        services.AddSingleton(registration);
        return services;
    }

    /// <summary>Registers the modules listed in configuration (<c>pomelo:modules</c>: type name, id, schedule, interval, delay, settings).</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration root.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddAdminModulesFromConfiguration(this IServiceCollection services, IConfiguration configuration)
    {
        foreach (var registration in ModuleConfigLoader.Load(configuration.GetSection(ModulesSection)))
        {
            services.AddAdminModule(registration);
        }

        return services;
    }

    private static void AddPomeloCore(this IServiceCollection services)
    {
        if (!services.Any(d => d.ImplementationInstance is AdminModuleRegistration { Id: Modules.Watchdog.MasterWatcher.Id }))
        {
            services.AddAdminModule<Modules.Watchdog.MasterWatcher>();
            services.AddAdminModule<Modules.Watchdog.MonitorWatcher>();
            services.AddAdminModule<Modules.Console.ConsoleModule>();
            services.AddAdminModule<Modules.WatchServer.WatchServerModule>();
        }

        services.TryAddSingleton<Modules.Console.ServerBlacklist>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<Modules.WatchServer.ServerSettings>();
        services.AddOptions<AdminAuthOptions>().BindConfiguration(AuthSection);
        services.AddOptions<ModuleSupervisionOptions>().BindConfiguration(SupervisionSection);
        services.AddOptions<Cluster.MembershipOptions>().BindConfiguration(Cluster.MembershipOptions.SectionName);
    }
}
