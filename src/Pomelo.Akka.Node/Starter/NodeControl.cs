using Microsoft.Extensions.Hosting;
using Pomelo.Akka.Starter;

namespace Pomelo.Akka.Node.Starter;

/// <summary>Stops this node through the host (graceful) or ends the process (kill).</summary>
internal sealed class NodeControl(IHostApplicationLifetime lifetime) : INodeControl
{
    public void Stop() => lifetime.StopApplication();

    public void Kill() => Environment.Exit(137);
}
