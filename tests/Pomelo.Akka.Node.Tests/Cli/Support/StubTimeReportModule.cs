using System.Text.Json;
using Pomelo.Akka.Console;
using Pomelo.Akka.Master;

namespace Pomelo.Akka.Node.Tests.Cli.Support;

/// <summary>A stand-in for the timeReport sample: any body, any level, answers <c>{serverId: unixMillis}</c>.</summary>
public sealed class StubTimeReportModule : IClientHandler
{
    /// <summary>2023-11-14T22:13:20.000Z.</summary>
    public const long Time = 1700000000000;

    public RequestLog Requests { get; } = new();

    public ValueTask<object?> ClientHandlerAsync(IMasterAgent agent, ClientCaller caller, JsonElement? message, CancellationToken cancellationToken)
    {
        Requests.Add(message, caller);
        return ValueTask.FromResult<object?>(agent.Servers.ToDictionary(s => s.Id, _ => Time));
    }
}
