using System.Collections.Concurrent;
using System.Text.Json;
using Pomelo.Akka.Console;
using Pomelo.Akka.Master;

namespace Pomelo.Akka.Tests.Console.TestModules;

/// <summary>A startable module that logs its start and each handler's entry and exit; the handler awaits a gate.</summary>
public sealed class StartRecordingModule(Task gate) : IStartableModule, IMasterHandler
{
    public ConcurrentQueue<string> Log { get; } = new();

    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ValueTask StartAsync(CancellationToken cancellationToken)
    {
        Log.Enqueue("start");
        return ValueTask.CompletedTask;
    }

    public async ValueTask<object?> MasterHandlerAsync(IMasterAgent agent, JsonElement? message, CancellationToken cancellationToken)
    {
        Log.Enqueue("enter");
        Entered.TrySetResult();
        await gate.WaitAsync(cancellationToken);
        Log.Enqueue("exit");
        return null;
    }
}
