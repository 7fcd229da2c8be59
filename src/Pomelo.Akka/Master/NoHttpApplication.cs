using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;

namespace Pomelo.Akka.Master;

/// <summary>Kestrel needs an HTTP application to start; the admin port never reaches it (its connection pipeline ends in the MQTT handler).</summary>
internal sealed class NoHttpApplication : IHttpApplication<object>
{
    public object CreateContext(IFeatureCollection contextFeatures) => new();

    public Task ProcessRequestAsync(object context) => Task.CompletedTask;

    public void DisposeContext(object context, Exception? exception)
    {
    }
}
