using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pomelo.Akka.Master;
using Pomelo.Akka.Monitor;

namespace Pomelo.Akka.Node.Commands;

/// <summary>Builds and runs a node's generic host; turns start-up failures into one clear line and an exit code.</summary>
internal static class NodeHost
{
    public static HostApplicationBuilder CreateBuilder(IConfiguration configuration)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.AddConfiguration(configuration.GetSection("pomelo:logging"));
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
        });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));
        return builder;
    }

    public static async Task<int> RunAsync(HostApplicationBuilder builder, CancellationToken cancellationToken)
    {
        try
        {
            using var host = builder.Build();
            await host.RunAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        }
        catch (Exception ex) when (ex is MasterStartException or MonitorRegistrationException or OptionsValidationException or InvalidOperationException or IOException)
        {
            await System.Console.Error.WriteLineAsync("error: " + ex.Message).ConfigureAwait(false);
            return 1;
        }
    }

    public static async Task<int> FailAsync(string message)
    {
        await System.Console.Error.WriteLineAsync("error: " + message).ConfigureAwait(false);
        return 2;
    }
}
