using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Pomelo.Akka.Console;
using Pomelo.Akka.Hosting;
using Pomelo.Akka.Master;
using Pomelo.Akka.Monitor;
using Pomelo.Akka.Security;

namespace Pomelo.Akka.Node.Tests.Cli.Support;

/// <summary>
/// A real master on a free loopback port with the stub <c>__console__</c>, <c>watchServer</c> and <c>timeReport</c>
/// modules, users admin/operator/viewer (levels 1/2/3, password = user name), open server tokens, and optionally more
/// servers (real monitors). Copied in spirit from Pomelo.Akka.Tests' TestCluster.
/// </summary>
public sealed class CliMaster : IAsyncDisposable
{
    public const string MasterId = "master-server-1";
    public const string Connector = "connector-server-1";

    private static readonly AdminUserStore Users = new([
        new AdminUser("user-1", "admin", "admin", 1),
        new AdminUser("user-2", "operator", "operator", 2),
        new AdminUser("user-3", "viewer", "viewer", 3),
    ]);

    private readonly ServiceProvider _provider;
    private readonly List<(ServiceProvider Provider, MonitorService Monitor)> _monitors = [];

    private CliMaster(ServiceProvider provider, StubConsoleModule console, StubWatchServerModule watchServer, StubTimeReportModule timeReport)
    {
        _provider = provider;
        Master = provider.GetRequiredService<MasterService>();
        Console = console;
        WatchServer = watchServer;
        TimeReport = timeReport;
    }

    public MasterService Master { get; }

    public int Port => Master.EndPoint!.Port;

    public StubConsoleModule Console { get; }

    public StubWatchServerModule WatchServer { get; }

    public StubTimeReportModule TimeReport { get; }

    /// <summary>Starts the master, then a connector monitor for each id given.</summary>
    public static async Task<CliMaster> StartAsync(params string[] connectors)
    {
        var services = NewServices();
        services.AddSingleton(sp => AdminAuthenticator.Create(Users, ServerTokenStore.Open, new AdminAuthOptions(), TimeProvider.System, NullLogger<AdminAuthenticator>.Instance));
        var builder = services.AddPomeloMaster(o =>
        {
            o.Id = MasterId;
            o.Port = 0;
        });
        StubConsoleModule console = new();
        StubWatchServerModule watchServer = new();
        StubTimeReportModule timeReport = new();
        builder.AddAdminModule(console, "__console__").AddAdminModule(watchServer, "watchServer").AddAdminModule(timeReport, "timeReport");
        var master = new CliMaster(services.BuildServiceProvider(), console, watchServer, timeReport);
        await master.Master.StartAsync(CancellationToken.None);
        foreach (var id in connectors)
        {
            await master.StartConnectorAsync(id);
        }

        return master;
    }

    /// <summary>Gets a port nothing listens on.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Runs the CLI in-process as a user (password = user name) against this master.</summary>
    internal Task<CliResult> RunAsync(string user, params string[] args) => RunAsync(new CliRun(), user, args);

    /// <summary>Runs the CLI in-process with a given console, as a user, against this master.</summary>
    internal Task<CliResult> RunAsync(CliRun run, string user, params string[] args)
        => run.RunAsync(["-P", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-u", user, "-p", user, .. args]);

    public async ValueTask DisposeAsync()
    {
        foreach (var (provider, monitor) in _monitors)
        {
            await monitor.DisposeAsync();
            await provider.DisposeAsync();
        }

        await Master.DisposeAsync();
        await _provider.DisposeAsync();
    }

    private static ServiceCollection NewServices()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddSingleton(TimeProvider.System);
        services.AddLogging();

        // Denials are handler errors; keep the stubs from being restarted or failed by supervision.
        services.Configure<ModuleSupervisionOptions>(o => o.FailuresBeforeRestart = int.MaxValue);
        return services;
    }

    private async Task StartConnectorAsync(string id)
    {
        var services = NewServices();
        services.AddPomeloMonitor(o =>
        {
            o.Id = id;
            o.ServerType = "connector";
            o.Host = "127.0.0.1";
            o.Port = 3150;
            o.MasterHost = "127.0.0.1";
            o.MasterPort = Port;
        });
        var provider = services.BuildServiceProvider();
        var monitor = provider.GetRequiredService<MonitorService>();
        _monitors.Add((provider, monitor));
        await monitor.StartAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
    }
}
