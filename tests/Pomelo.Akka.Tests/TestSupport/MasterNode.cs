using Microsoft.Extensions.DependencyInjection;
using Pomelo.Akka.Master;

namespace Pomelo.Akka.Tests.TestSupport;

/// <summary>A started master with its own DI container; disposing stops it.</summary>
public sealed class MasterNode(ServiceProvider provider, MasterService service) : IAsyncDisposable
{
    public MasterService Service { get; } = service;

    public IMasterAgent Agent => Service.Agent;

    public int Port => Service.EndPoint!.Port;

    public T Get<T>()
        where T : notnull => provider.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await Service.DisposeAsync();
        await provider.DisposeAsync();
    }
}
