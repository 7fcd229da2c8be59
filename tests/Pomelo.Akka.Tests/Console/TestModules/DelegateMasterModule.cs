using System.Text.Json;
using Pomelo.Akka.Console;
using Pomelo.Akka.Master;

namespace Pomelo.Akka.Tests.Console.TestModules;

/// <summary>A master-handler module whose handler is a delegate.</summary>
public sealed class DelegateMasterModule(Func<JsonElement?, CancellationToken, ValueTask<object?>> handler) : IMasterHandler
{
    public ValueTask<object?> MasterHandlerAsync(IMasterAgent agent, JsonElement? message, CancellationToken cancellationToken)
        => handler(message, cancellationToken);
}
