using System.Text.Json;
using Pomelo.Akka.Console;
using Pomelo.Akka.Master;
using Pomelo.Akka.Monitor;

namespace Pomelo.Akka.Tests.Scenarios.Modules;

/// <summary>Answers with who it is and what it got; its client handler can forward to a server (<c>{serverId, payload}</c>).</summary>
[AdminModule(Id)]
public sealed class EchoModule : IMasterHandler, IMonitorHandler, IClientHandler
{
    public const string Id = "echo";

    public ValueTask<object?> MonitorHandlerAsync(IMonitorAgent agent, JsonElement? message, CancellationToken cancellationToken)
        => ValueTask.FromResult<object?>(new EchoReply(agent.ServerId, message));

    public ValueTask<object?> MasterHandlerAsync(IMasterAgent agent, JsonElement? message, CancellationToken cancellationToken)
        => ValueTask.FromResult<object?>(new EchoReply(agent.ServerId, message));

    public async ValueTask<object?> ClientHandlerAsync(IMasterAgent agent, ClientCaller caller, JsonElement? message, CancellationToken cancellationToken)
    {
        if (message is { ValueKind: JsonValueKind.Object } m && m.TryGetProperty("serverId", out var target))
        {
            return await agent.RequestAsync(target.GetString()!, Id, m.GetProperty("payload"), cancellationToken: cancellationToken);
        }

        return new { caller.Username, caller.Level, received = message };
    }
}

public sealed record EchoReply(string ServerId, JsonElement? Received);
