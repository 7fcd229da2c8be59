using System.Text.Json;
using Pomelo.Akka.Console;
using Pomelo.Akka.Monitor;

namespace Pomelo.Akka.Tests.Console.TestModules;

/// <summary>A module with only a monitor handler, so master messages find no handler.</summary>
public sealed class MonitorOnlyModule : IMonitorHandler
{
    public ValueTask<object?> MonitorHandlerAsync(IMonitorAgent agent, JsonElement? message, CancellationToken cancellationToken)
        => ValueTask.FromResult<object?>(null);
}
