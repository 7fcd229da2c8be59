using Microsoft.Extensions.DependencyInjection;
using Pomelo.Akka.Monitor;

namespace Pomelo.Akka.Tests.TestSupport;

/// <summary>A started (or starting) monitor with its own DI container; disposing stops it.</summary>
public sealed class MonitorNode(ServiceProvider provider, MonitorService service, Task start) : IAsyncDisposable
{
    public MonitorService Service { get; } = service;

    public IMonitorAgent Agent => Service.Agent;

    /// <summary>Gets the monitor's StartAsync task: complete once it first registered.</summary>
    public Task Start { get; } = start;

    public T Get<T>()
        where T : notnull => provider.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await Service.DisposeAsync();
        await provider.DisposeAsync();
    }
}
