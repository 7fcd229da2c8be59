using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Pomelo.Akka.Client;
using Pomelo.Akka.Console;
using Pomelo.Akka.Hosting;
using Pomelo.Akka.Master;
using Pomelo.Akka.Monitor;
using Pomelo.Akka.Security;

namespace Pomelo.Akka.Tests.TestSupport;

/// <summary>Starts real masters, monitors and clients over loopback TCP on free ports, each node with its own DI container.</summary>
public static class TestCluster
{
    public const string ConnectorToken = "tok-connector";
    public const string AreaToken = "tok-area";

    public static AdminUserStore Users { get; } = new([
        new AdminUser("user-1", "admin", "admin", 1),
        new AdminUser("user-2", "operator", "operator", 2),
        new AdminUser("user-3", "viewer", "viewer", 3),
    ]);

    public static ServerTokenStore Tokens { get; } = new([new ServerToken("connector", ConnectorToken), new ServerToken("area", AreaToken)]);

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<MasterNode> StartMasterAsync(
        Action<PomeloBuilder>? modules = null,
        Action<MasterOptions>? configure = null,
        TimeProvider? time = null,
        ServerTokenStore? tokens = null,
        Action<ModuleSupervisionOptions>? supervision = null,
        LogCollector? logs = null,
        Action<Pomelo.Akka.Cluster.MembershipOptions>? membership = null)
    {
        time ??= TimeProvider.System;
        var services = NewServices(time, logs, supervision);
        if (membership is not null)
        {
            services.Configure(membership);
        }

        services.AddSingleton(sp => AdminAuthenticator.Create(Users, tokens ?? Tokens, new AdminAuthOptions(), time, NullLogger<AdminAuthenticator>.Instance));
        var builder = services.AddPomeloMaster(o =>
        {
            o.Port = 0;
            configure?.Invoke(o);
        });
        modules?.Invoke(builder);
        var provider = services.BuildServiceProvider();
        var master = provider.GetRequiredService<MasterService>();
        try
        {
            await master.StartAsync(CancellationToken.None);
        }
        catch
        {
            await provider.DisposeAsync();
            throw;
        }

        return new MasterNode(provider, master);
    }

    public static async Task<MonitorNode> StartMonitorAsync(
        int masterPort,
        string id,
        string serverType,
        Action<PomeloBuilder>? modules = null,
        Action<MonitorOptions>? configure = null,
        TimeProvider? time = null,
        bool waitForRegistration = true,
        LogCollector? logs = null)
    {
        time ??= TimeProvider.System;
        var services = NewServices(time, logs, null);
        var builder = services.AddPomeloMonitor(o =>
        {
            o.Id = id;
            o.ServerType = serverType;
            o.Host = "127.0.0.1";
            o.Port = 4000;
            o.MasterHost = "127.0.0.1";
            o.MasterPort = masterPort;
            o.Token = serverType switch { "connector" => ConnectorToken, "area" => AreaToken, _ => null };
            o.ReconnectDelay = TimeSpan.FromMilliseconds(50);
            o.ReconnectDelayMax = TimeSpan.FromMilliseconds(500);
            configure?.Invoke(o);
        });
        modules?.Invoke(builder);
        var provider = services.BuildServiceProvider();
        var monitor = provider.GetRequiredService<MonitorService>();
        var start = monitor.StartAsync(CancellationToken.None);
        if (waitForRegistration)
        {
            await start.WaitAsync(TimeSpan.FromSeconds(10));
        }

        return new MonitorNode(provider, monitor, start);
    }

    public static Task<AdminClient> ConnectClientAsync(int port, string user = "admin", string password = "admin", TimeProvider? time = null, bool md5 = false)
        => AdminClient.ConnectAsync(new AdminClientOptions { Host = "127.0.0.1", Port = port, Username = user, Password = password, Md5 = md5 }, time);

    private static ServiceCollection NewServices(TimeProvider time, LogCollector? logs, Action<ModuleSupervisionOptions>? supervision)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddSingleton(time);
        services.AddLogging(b =>
        {
            b.SetMinimumLevel(LogLevel.Debug);
            if (logs is not null)
            {
                b.AddProvider(logs);
            }
        });
        if (supervision is not null)
        {
            services.Configure(supervision);
        }

        return services;
    }
}
