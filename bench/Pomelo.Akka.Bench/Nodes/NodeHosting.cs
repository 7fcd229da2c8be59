using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Pomelo.Akka.Bench.Nodes;

/// <summary>What every bench node shares: an empty configuration and logging to stderr at a chosen level.</summary>
internal static class NodeHosting
{
    /// <summary>Gets the log level: Warning, like the peer's pomelo-logger, unless POMELO_BENCH_LOG_LEVEL says otherwise (diagnostics).</summary>
    public static string DefaultLogLevel => Environment.GetEnvironmentVariable("POMELO_BENCH_LOG_LEVEL") ?? "Warning";

    public static ServiceCollection NewServices(string logLevel)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddSingleton(TimeProvider.System);
        services.AddLogging(b =>
        {
            b.SetMinimumLevel(Enum.Parse<LogLevel>(logLevel, ignoreCase: true));
            b.AddSimpleConsole(o => o.SingleLine = true);
            b.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        });
        return services;
    }
}
