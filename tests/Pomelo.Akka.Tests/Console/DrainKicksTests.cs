using System.Collections.Concurrent;
using Pomelo.Akka.Console;
using Pomelo.Akka.Protocol;
using Pomelo.Akka.Tests.Console.TestModules;
using Pomelo.Akka.Tests.TestSupport;

namespace Pomelo.Akka.Tests.Console;

/// <summary>
/// A read loop's parse-deferred notifies wait in their mailbox until the loop kicks the drain (it has no frame left at
/// hand), one thread-pool item per batch; a full mailbox drains without the kick, so a poster never waits on itself.
/// </summary>
public sealed class DrainKicksTests : IAsyncLifetime
{
    private readonly ModuleActorHarness _h = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task PostAsync_DeferredWithKicks_HandledOnlyOnceTheKicksAreFlushed()
    {
        var (first, firstSeen) = Recording();
        var (second, secondSeen) = Recording();
        var kicks = new DrainKicks();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(ModuleActor.PostOutcome.Queued, await first.PostAsync(_h.Deferred(i), kicks));
            Assert.Equal(ModuleActor.PostOutcome.Queued, await second.PostAsync(_h.Deferred(10 + i), kicks));
        }

        // Nothing was scheduled: no drain holds either actor's flag, so no handler can have run.
        Assert.True(kicks.Pending);
        Assert.True(first.IsIdle && second.IsIdle, "no drain started before the kick");
        Assert.Empty(firstSeen);
        Assert.Empty(secondSeen);

        kicks.Flush();

        Assert.False(kicks.Pending);
        await Eventually.TrueAsync(() => firstSeen.Count == 3 && secondSeen.Count == 3, "both mailboxes drained");
        Assert.Equal([0, 1, 2], firstSeen);
        Assert.Equal([10, 11, 12], secondSeen);
    }

    [Fact]
    public async Task Flush_NothingNoted_DoesNothingAndAnActorNotedTwiceDrainsOnce()
    {
        var (actor, seen) = Recording();
        var kicks = new DrainKicks();
        kicks.Flush();
        Assert.False(kicks.Pending);

        await actor.PostAsync(_h.Deferred(1), kicks);
        kicks.Add(actor);
        kicks.Flush();
        kicks.Flush();

        await Eventually.TrueAsync(() => seen.Count == 1, "the notify handled");
        Wait.Until(() => actor.IsIdle, "the actor idle again");
        Assert.Equal([1], seen);
    }

    [Fact]
    public async Task PostAsync_DeferredWithKicksIntoAFullMailbox_DrainsWithoutTheKick()
    {
        var (actor, seen) = Recording(capacity: 4);
        var kicks = new DrainKicks();
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(ModuleActor.PostOutcome.Queued, await actor.PostAsync(_h.Deferred(i), kicks));
        }

        // The fifth finds the mailbox full of messages nobody was asked to drain yet: waiting for room must start the
        // drain itself, or it would wait on a kick its own caller only gives once it stops waiting.
        var fifth = actor.PostAsync(_h.Deferred(4), kicks).AsTask();

        Assert.Equal(ModuleActor.PostOutcome.Queued, await fifth.WaitAsync(Wait.Timeout));
        await Eventually.TrueAsync(() => seen.Count == 5, "every notify handled without a kick");
        Assert.Equal([0, 1, 2, 3, 4], seen);
    }

    [Fact]
    public async Task PostAsync_DeferredWithKicksWhileDraining_PickedUpByTheRunningDrain()
    {
        var gate = new ManualResetEventSlim();
        var seen = new ConcurrentQueue<int>();
        var actor = _h.Create(_ => new DelegateMasterModule((message, _) =>
        {
            var n = message!.Value.GetInt32();
            if (n == 0)
            {
                gate.Wait(Wait.Timeout);
            }

            seen.Enqueue(n);
            return ValueTask.FromResult<object?>(null);
        }));
        await actor.PostAsync(_h.Deferred(0));
        Wait.Until(() => !actor.IsIdle, "the drain holding the first notify");

        // A drain is running: the kick is not needed, and the message is not left behind when the drain ends.
        var kicks = new DrainKicks();
        await actor.PostAsync(_h.Deferred(1), kicks);
        Assert.False(kicks.Pending);
        gate.Set();

        await Eventually.TrueAsync(() => seen.Count == 2, "both handled");
        Assert.Equal([0, 1], seen);
    }

    private (ModuleActor Actor, ConcurrentQueue<int> Seen) Recording(int capacity = 1024)
    {
        var seen = new ConcurrentQueue<int>();
        var actor = _h.Create(
            _ => new DelegateMasterModule((message, _) =>
            {
                seen.Enqueue(message!.Value.GetInt32());
                return ValueTask.FromResult<object?>(null);
            }),
            o => o.MailboxCapacity = capacity);
        Wait.Until(() => actor.IsIdle, "the actor idle");
        return (actor, seen);
    }
}
