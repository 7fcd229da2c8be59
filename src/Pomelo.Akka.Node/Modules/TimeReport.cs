using System.Text.Json;
using Microsoft.Extensions.Logging;
using Pomelo.Akka.Console;
using Pomelo.Akka.Master;
using Pomelo.Akka.Monitor;

namespace Pomelo.Akka.Node.Modules;

/// <summary>
/// The timeReport sample from the pomelo tutorial: on each pull tick the master notifies every monitor; each monitor
/// notifies the master back with its server id and current time; the master keeps the latest time per server in the
/// module's cache; a client request returns that map.
/// </summary>
[AdminModule(ModuleId, Type = ScheduleType.Pull, IntervalSeconds = 5)]
public sealed partial class TimeReport : IMasterHandler, IMonitorHandler, IClientHandler
{
    /// <summary>The module id.</summary>
    public const string ModuleId = "timeReport";

    private readonly TimeProvider _time;
    private readonly ILogger<TimeReport> _logger;

    /// <summary>Initializes the module.</summary>
    /// <param name="time">The clock used for the reported time.</param>
    /// <param name="logger">Where the master logs each report.</param>
    public TimeReport(TimeProvider time, ILogger<TimeReport> logger)
    {
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc />
    public async ValueTask<object?> MonitorHandlerAsync(IMonitorAgent agent, JsonElement? message, CancellationToken cancellationToken)
    {
        await agent.NotifyAsync(ModuleId, new TimeReportMessage(agent.ServerId, _time.GetUtcNow().ToUnixTimeMilliseconds()), cancellationToken).ConfigureAwait(false);
        return null;
    }

    /// <inheritdoc />
    public async ValueTask<object?> MasterHandlerAsync(IMasterAgent agent, JsonElement? message, CancellationToken cancellationToken)
    {
        if (message is null)
        {
            await agent.NotifyAllAsync(ModuleId, null, cancellationToken).ConfigureAwait(false);
            return null;
        }

        var report = message.Value.Deserialize<TimeReportMessage>(JsonSerializerOptions.Web);
        if (report?.ServerId is not { Length: > 0 } serverId)
        {
            LogBadReport(_logger, message.Value.GetRawText());
            return null;
        }

        agent.GetCache(ModuleId).Set(serverId, report.Time);
        LogReport(_logger, serverId, DateTimeOffset.FromUnixTimeMilliseconds(report.Time).ToString("O"));
        return null;
    }

    /// <inheritdoc />
    public ValueTask<object?> ClientHandlerAsync(IMasterAgent agent, ClientCaller caller, JsonElement? message, CancellationToken cancellationToken)
        => ValueTask.FromResult<object?>(agent.GetCache(ModuleId).Snapshot());

    [LoggerMessage(9000, LogLevel.Information, "timeReport: {ServerId} time {Time}")]
    private static partial void LogReport(ILogger logger, string serverId, string time);

    [LoggerMessage(9001, LogLevel.Warning, "timeReport: malformed report {Report} ignored")]
    private static partial void LogBadReport(ILogger logger, string report);
}
