using System.Collections.Concurrent;
using System.Text.Json;
using Pomelo.Akka.Console;
using Pomelo.Akka.Protocol;
using Pomelo.Akka.Tests.Console.TestModules;
using Pomelo.Akka.Tests.TestSupport;

namespace Pomelo.Akka.Tests.Console;

/// <summary>
/// A notify whose body is still bytes (<see cref="DeferredJson"/>) is parsed by the module's actor on its own thread:
/// the poster — the master's read loop — is never the one parsing it, and order holds with ordinary messages.
/// </summary>
public sealed class ModuleActorDeferredMessageTests : IAsyncLifetime
{
    private readonly ModuleActorHarness _h = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public void PostAsync_DeferredNotifyToAnIdleActor_ParsedAndHandledOffThePostersThread()
    {
        var handled = new ManualResetEventSlim();
        var handledOn = -1;
        JsonElement? received = null;
        var actor = _h.Create(_ => new DelegateMasterModule((message, _) =>
        {
            handledOn = Environment.CurrentManagedThreadId;
            received = message;
            handled.Set();
            return ValueTask.FromResult<object?>(null);
        }));
        Wait.Until(() => actor.IsIdle, "the actor idle");

        // The poster stays busy (blocked) until the handler ran: a handler run on the poster's thread would show its id.
        var posterThread = -1;
        var outcome = ModuleActor.PostOutcome.Stopped;
        var poster = new Thread(() =>
        {
            posterThread = Environment.CurrentManagedThreadId;
            outcome = actor.PostAsync(_h.Deferred("""{"seq":7}""")).AsTask().GetAwaiter().GetResult();
            handled.Wait(Wait.Timeout);
        });
        poster.Start();
        Assert.True(poster.Join(Wait.Timeout), "the poster finished");

        Assert.True(handled.IsSet, "the handler ran");
        Assert.Equal(ModuleActor.PostOutcome.Queued, outcome);
        Assert.NotEqual(posterThread, handledOn);
        Assert.Equal(7, received!.Value.GetProperty("seq").GetInt32());
    }

    [Fact]
    public async Task PostAsync_DeferredAndParsedNotifiesInterleaved_HandledOnceEachInOrder()
    {
        var seen = new ConcurrentQueue<int>();
        var actor = _h.Create(_ => new DelegateMasterModule((message, _) =>
        {
            seen.Enqueue(message!.Value.GetInt32());
            return ValueTask.FromResult<object?>(null);
        }), o => o.MailboxCapacity = 8);

        for (var i = 0; i < 3_000; i++)
        {
            var invocation = i % 2 == 0
                ? _h.Deferred(i.ToString(System.Globalization.CultureInfo.InvariantCulture))
                : new MasterHandlerInvocation(_h.Agent, JsonSerializer.SerializeToElement(i), null);
            Assert.Equal(ModuleActor.PostOutcome.Queued, await actor.PostAsync(invocation).AsTask().WaitAsync(Wait.Timeout));
        }

        await Eventually.TrueAsync(() => seen.Count == 3_000, "every notify handled");
        Assert.Equal(Enumerable.Range(0, 3_000), seen);
    }

    [Fact]
    public void IsTick_DeferredNotify_IsAMessageNotATick()
    {
        var deferred = _h.Deferred("{}");
        var tick = new MasterHandlerInvocation(_h.Agent, null, null);

        Assert.False(deferred.IsTick);
        Assert.True(tick.IsTick);
    }
}
