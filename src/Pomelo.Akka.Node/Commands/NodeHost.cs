using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pomelo.Akka.Hosting;
using Pomelo.Akka.Master;
using Pomelo.Akka.Monitor;

namespace Pomelo.Akka.Node.Commands;

/// <summary>Builds and runs a node's generic host; turns start-up failures into one clear line and an exit code.</summary>
internal static partial class NodeHost
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
        var stopping = CancellationToken.None;
        try
        {
            using var host = builder.Build();
            stopping = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Pomelo.Akka.Node");
            LogSocketCompletions(logger, SocketCompletions.Inline ? "inline on the epoll thread" : "on the thread pool", SocketCompletions.Variable, SocketCompletions.Setting ?? "unset");
            await host.RunAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested || stopping.IsCancellationRequested)
        {
            // Stopped (SIGTERM, Ctrl-C) before it had finished starting: a stop, not a failure.
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

    [LoggerMessage(9200, LogLevel.Information, "Socket completions run {Where} ({Variable}={Value})")]
    private static partial void LogSocketCompletions(ILogger logger, string where, string variable, string value);
}
