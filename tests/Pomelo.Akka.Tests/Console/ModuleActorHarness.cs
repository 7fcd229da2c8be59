using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pomelo.Akka.Console;
using Pomelo.Akka.Tests.TestSupport;

namespace Pomelo.Akka.Tests.Console;

/// <summary>Builds module actors on a fake clock, counts factory calls and disposes every actor at the end.</summary>
internal sealed class ModuleActorHarness : IAsyncDisposable
{
    private readonly List<ModuleActor> _actors = [];
    private int _factoryCalls;

    public FakeTimeProvider Time { get; } = new();

    public ListLogger<ModuleActor> Logger { get; } = new();

    public FakeMasterAgent Agent { get; } = new();

    public int FactoryCalls => Volatile.Read(ref _factoryCalls);

    /// <summary>Creates and activates an actor with id <c>m</c>; the factory gets the 1-based call number.</summary>
    public ModuleActor Create(Func<int, IAdminModule> factory, Action<AdminModuleOptions>? configure = null, ModuleSupervisionOptions? supervision = null)
    {
        var registration = AdminModuleRegistration.ForFactory("m", _ => factory(Interlocked.Increment(ref _factoryCalls)), configure);
        var context = new ModuleFactoryContext(new ServiceCollection().BuildServiceProvider(), registration.Options, new FakeConsoleService());
        var actor = new ModuleActor(registration, context, supervision ?? new ModuleSupervisionOptions(), Time, Logger);
        _actors.Add(actor);
        actor.Activate();
        return actor;
    }

    public Task<object?> Ask(ModuleActor actor, int message)
        => actor.AskAsync(new MasterHandlerInvocation(Agent, JsonSerializer.SerializeToElement(message), NewReply()));

    /// <summary>A notify whose body is still bytes (as a master's read loop posts it), for a master handler.</summary>
    public MasterHandlerInvocation Deferred(string json)
        => new(Agent, null, null) { DeferredMessage = new Pomelo.Akka.Protocol.DeferredJson(JsonText.Utf8(json)) };

    /// <summary>A notify whose body is the number <paramref name="n"/>, still as bytes.</summary>
    public MasterHandlerInvocation Deferred(int n) => Deferred(n.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public Task<object?> AskClient(ModuleActor actor, int message)
        => actor.AskAsync(new ClientHandlerInvocation(Agent, new ClientCaller("cli", "admin", 1, IPAddress.Loopback), JsonSerializer.SerializeToElement(message), NewReply()));

    /// <summary>Waits until the actor sits in a restart back-off (its delay timer armed on the fake clock).</summary>
    public void WaitForBackoff(ModuleActor actor)
        => Wait.Until(() => actor.State == ModuleState.Restarting && Time.ActiveTimerCount == 1, "the restart back-off");

    public async ValueTask DisposeAsync()
    {
        // Actors a test already disposed are skipped: a second DisposeAsync throws (see ModuleActorTests).
        foreach (var actor in _actors.Where(a => a.State != ModuleState.Stopped))
        {
            await actor.DisposeAsync().AsTask().WaitAsync(Wait.Timeout);
        }
    }

    private static TaskCompletionSource<object?> NewReply() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
