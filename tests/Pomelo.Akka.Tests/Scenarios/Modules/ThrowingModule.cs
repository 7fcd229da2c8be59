using System.Text.Json;
using Pomelo.Akka.Console;
using Pomelo.Akka.Master;
using Pomelo.Akka.Monitor;

namespace Pomelo.Akka.Tests.Scenarios.Modules;

/// <summary>Throws on every message, with a message naming the handler.</summary>
[AdminModule(Id)]
public sealed class ThrowingModule : IMasterHandler, IMonitorHandler, IClientHandler
{
    public const string Id = "thrower";

    public ValueTask<object?> MonitorHandlerAsync(IMonitorAgent agent, JsonElement? message, CancellationToken cancellationToken)
        => throw new InvalidOperationException("boom in monitor " + agent.ServerId);

    public ValueTask<object?> MasterHandlerAsync(IMasterAgent agent, JsonElement? message, CancellationToken cancellationToken)
        => throw new InvalidOperationException("boom in master");

    public ValueTask<object?> ClientHandlerAsync(IMasterAgent agent, ClientCaller caller, JsonElement? message, CancellationToken cancellationToken)
        => throw new InvalidOperationException("boom in client handler");
}
