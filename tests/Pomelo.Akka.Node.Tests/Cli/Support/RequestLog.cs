using System.Collections.Concurrent;
using System.Text.Json;
using Pomelo.Akka.Console;

namespace Pomelo.Akka.Node.Tests.Cli.Support;

/// <summary>What a stub module received, in order.</summary>
public sealed class RequestLog
{
    private readonly ConcurrentQueue<StubRequest> _requests = new();

    public IReadOnlyList<StubRequest> All => _requests.ToList();

    public StubRequest Last => _requests.LastOrDefault() ?? throw new Xunit.Sdk.XunitException("the module received no request");

    public void Add(JsonElement? body, ClientCaller caller) => _requests.Enqueue(new StubRequest(body?.Clone(), caller.Username, caller.Level));
}
