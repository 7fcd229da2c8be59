using System.Collections.Concurrent;
using Pomelo.Akka.Starter;
using Pomelo.Akka.Tests.TestSupport;

namespace Pomelo.Akka.Tests.Modules.Console;

/// <summary>An <see cref="IServerStarter"/> whose "processes" are in-process monitors, so console commands run end to end in one test process.</summary>
public sealed class InProcessStarter : IServerStarter, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, (ManagedServer Server, MonitorNode Node)> _running = new();
    private int _nextPid = 50_000;

    public int MasterPort { get; set; }

    public IReadOnlyList<ServerSpec> Configured { get; init; } = [];

    public IReadOnlyList<ManagedServer> Servers => _running.Values.Select(v => v.Server).ToList();

    public async Task<ManagedServer> StartAsync(ServerSpec spec, CancellationToken cancellationToken = default)
    {
        var node = await TestCluster.StartMonitorAsync(MasterPort, spec.Id, spec.ServerType);
        var server = new ManagedServer(spec, Interlocked.Increment(ref _nextPid), true, 0);
        _running[spec.Id] = (server, node);
        return server;
    }

    public async Task<bool> StopAsync(string serverId, TimeSpan grace, CancellationToken cancellationToken = default)
    {
        if (!_running.TryRemove(serverId, out var entry))
        {
            return false;
        }

        await entry.Node.DisposeAsync();
        return true;
    }

    public Task<bool> KillAsync(string serverId, CancellationToken cancellationToken = default) => StopAsync(serverId, TimeSpan.Zero, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        foreach (var id in _running.Keys)
        {
            await StopAsync(id, TimeSpan.Zero);
        }
    }
}
