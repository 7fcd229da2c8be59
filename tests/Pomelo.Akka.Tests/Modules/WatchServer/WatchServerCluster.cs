using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pomelo.Akka.Client;
using Pomelo.Akka.Modules.WatchServer;
using Pomelo.Akka.Tests.TestSupport;

namespace Pomelo.Akka.Tests.Modules.WatchServer;

/// <summary>A master and one monitor (<see cref="MonitorId"/>) over loopback, each with the watchServer module, plus admin clients.</summary>
public sealed class WatchServerCluster : IAsyncDisposable
{
    public const string MonitorId = "area-1";

    private readonly List<AdminClient> _clients = [];

    private WatchServerCluster(MasterNode master, MonitorNode monitor)
    {
        Master = master;
        Monitor = monitor;
    }

    public MasterNode Master { get; }

    public MonitorNode Monitor { get; }

    public string MasterId => Master.Agent.ServerId;

    /// <summary>Starts both nodes and waits until the monitor's server map holds itself and the master.</summary>
    public static async Task<WatchServerCluster> StartAsync(Action<IServiceCollection>? monitorServices = null, Action<IServiceCollection>? masterServices = null)
    {
        var master = await TestCluster.StartMasterAsync(b => masterServices?.Invoke(b.Services));
        try
        {
            var monitor = await TestCluster.StartMonitorAsync(master.Port, MonitorId, "area", b => monitorServices?.Invoke(b.Services));
            var cluster = new WatchServerCluster(master, monitor);
            await Eventually.TrueAsync(
                () => monitor.Service.ServerMap.Find(MonitorId) is not null && monitor.Service.ServerMap.Find(master.Agent.ServerId) is not null,
                "the monitor's server map holds the master and itself");
            return cluster;
        }
        catch
        {
            await master.DisposeAsync();
            throw;
        }
    }

    public async Task<AdminClient> ConnectAsync(string user = "admin")
    {
        var client = await TestCluster.ConnectClientAsync(Master.Port, user, user);
        _clients.Add(client);
        return client;
    }

    /// <summary>Sends a watchServer request and returns the reply body (which must not be null).</summary>
    public static async Task<JsonElement> AskAsync(AdminClient client, object? body)
    {
        var reply = await client.RequestAsync(WatchServerModule.Id, body);
        Assert.NotNull(reply);
        return reply.Value;
    }

    /// <summary>Sends a watchServer request that must fail, and returns the error text.</summary>
    public static async Task<string> ErrorOfAsync(AdminClient client, object? body)
        => (await Assert.ThrowsAsync<Pomelo.Akka.Errors.AdminRemoteException>(() => client.RequestAsync(WatchServerModule.Id, body))).Message;

    /// <summary>Fills <c>&lt;id&gt;</c> in an expected JSON text with a server id.</summary>
    public static string Json(string template, string id) => template.Replace("<id>", id, StringComparison.Ordinal);

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }

        await Monitor.DisposeAsync();
        await Master.DisposeAsync();
    }
}
