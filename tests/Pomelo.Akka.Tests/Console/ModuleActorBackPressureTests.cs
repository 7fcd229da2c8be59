using System.Collections.Concurrent;
using System.Text.Json;
using Pomelo.Akka.Console;
using Pomelo.Akka.Errors;
using Pomelo.Akka.Tests.Console.TestModules;
using Pomelo.Akka.Tests.TestSupport;

namespace Pomelo.Akka.Tests.Console;

/// <summary>The mailbox's back-pressure for notifies, its inline drain and replies sent to a connection's reply target.</summary>
public sealed class ModuleActorBackPressureTests : IAsyncLifetime
{
    private readonly ModuleActorHarness _h = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task PostAsync_FloodIntoSlowModule_WaitsForRoomAndLosesNothingInOrder()
    {
        var seen = new ConcurrentQueue<int>();
        var actor = _h.Create(
            _ => new DelegateMasterModule(async (message, _) =>
            {
                await Task.Yield();
                seen.Enqueue(message!.Value.GetInt32());
                return null;
            }),
            o => o.MailboxCapacity = 4);

        for (var i = 0; i < 2_000; i++)
        {
            Assert.Equal(ModuleActor.PostOutcome.Queued, await actor.PostAsync(Notify(i)).AsTask().WaitAsync(Wait.Timeout));
        }

        await Eventually.TrueAsync(() => seen.Count == 2_000, "every notify handled");
        Assert.Equal(Enumerable.Range(0, 2_000), seen);
    }

    [Fact]
    public async Task PostAsync_MailboxFull_WaitsUntilTheModuleTakesTheNextMessage()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var module = new StartRecordingModule(gate.Task);
        var actor = _h.Create(_ => module, o => o.MailboxCapacity = 1);
        _ = _h.Ask(actor, 1);
        await module.Entered.Task.WaitAsync(Wait.Timeout);
        Assert.Equal(ModuleActor.PostOutcome.Queued, await actor.PostAsync(Notify(2)));

        // The clock is fake, so the full-mailbox wait cannot run out: only a drop (or a room that cannot appear while
        // the module is held) would complete the post before the gate opens.
        var waiting = actor.PostAsync(Notify(3)).AsTask();
        Assert.False(waiting.IsCompleted, "a notify into a full mailbox must wait, not be dropped");
        gate.SetResult();

        Assert.Equal(ModuleActor.PostOutcome.Queued, await waiting.WaitAsync(Wait.Timeout));
    }

    [Fact]
    public async Task PostAsync_MailboxFull_PosterReleasedAtHalfNotAtTheFirstFreeSlot()
    {
        // Capacity 4, low water 2. Each handler waits for its own release, so the drain moves one message at a time.
        var entered = System.Threading.Channels.Channel.CreateUnbounded<int>();
        var releases = new SemaphoreSlim(0);
        var seen = new ConcurrentQueue<int>();
        var actor = _h.Create(
            _ => new DelegateMasterModule((message, _) =>
            {
                var n = message!.Value.GetInt32();
                entered.Writer.TryWrite(n);
                Assert.True(releases.Wait(Wait.Timeout), "released");
                seen.Enqueue(n);
                return ValueTask.FromResult<object?>(null);
            }),
            o => o.MailboxCapacity = 4);
        Wait.Until(() => actor.IsIdle, "the actor idle");

        // Deferred notifies always queue (never run on the poster's thread), so this thread stays free to post.
        await actor.PostAsync(_h.Deferred(0));
        Assert.Equal(0, await entered.Reader.ReadAsync().AsTask().WaitAsync(Wait.Timeout));
        for (var i = 1; i <= 4; i++)
        {
            Assert.Equal(ModuleActor.PostOutcome.Queued, await actor.PostAsync(_h.Deferred(i)));
        }

        var waiting = actor.PostAsync(_h.Deferred(5)).AsTask();
        Wait.Until(() => actor.WaitsForRoom, "the fifth poster waiting for room");

        // One slot free (3 left): the wake-up per slot this replaces would release the poster here.
        releases.Release();
        Assert.Equal(1, await entered.Reader.ReadAsync().AsTask().WaitAsync(Wait.Timeout));
        Assert.True(actor.WaitsForRoom, "released before the mailbox was down to half");
        Assert.False(waiting.IsCompleted);

        // Down to 2: low water.
        releases.Release();
        Assert.Equal(2, await entered.Reader.ReadAsync().AsTask().WaitAsync(Wait.Timeout));
        Assert.Equal(ModuleActor.PostOutcome.Queued, await waiting.WaitAsync(Wait.Timeout));

        releases.Release(4);
        await Eventually.TrueAsync(() => seen.Count == 6, "every notify handled");
        Assert.Equal(Enumerable.Range(0, 6), seen);
    }

    [Fact]
    public async Task PostAsync_ModuleStalledBeyondTheWait_GivesUpFull()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var module = new StartRecordingModule(gate.Task);
        var supervision = new ModuleSupervisionOptions { MailboxFullWait = TimeSpan.FromSeconds(1) };
        var actor = _h.Create(_ => module, o => o.MailboxCapacity = 1, supervision);
        _ = _h.Ask(actor, 1);
        await module.Entered.Task.WaitAsync(Wait.Timeout);
        _ = _h.Ask(actor, 2);

        var waiting = actor.PostAsync(Notify(3)).AsTask();
        Wait.Until(() => _h.Time.ActiveTimerCount == 1, "the wait's timer");
        _h.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(ModuleActor.PostOutcome.Full, await waiting.WaitAsync(Wait.Timeout));
        gate.SetResult();
    }

    [Fact]
    public async Task PostAsync_Disposed_IsStopped()
    {
        var actor = _h.Create(_ => new DelegateMasterModule((_, _) => ValueTask.FromResult<object?>(null)));
        await actor.DisposeAsync();

        Assert.Equal(ModuleActor.PostOutcome.Stopped, await actor.PostAsync(Notify(1)));
    }

    [Fact]
    public void PostAsync_IdleActorSynchronousHandler_HandledOnTheCallersThreadBeforeItReturns()
    {
        var handledOn = -1;
        var actor = _h.Create(_ => new DelegateMasterModule((_, _) =>
        {
            handledOn = Environment.CurrentManagedThreadId;
            return ValueTask.FromResult<object?>(null);
        }));
        Wait.Until(() => actor.IsIdle, "the actor idle");

        var thread = Environment.CurrentManagedThreadId;
        var posting = actor.PostAsync(Notify(1));

        Assert.True(posting.IsCompletedSuccessfully);
        Assert.Equal(thread, handledOn);
    }

    [Fact]
    public async Task PostAsync_ConcurrentPostersIntoAnIdleActor_EachHandledOnceAndOneAtATime()
    {
        // Posters race for the idle actor's direct path while others queue behind whoever holds it.
        const int Posters = 4;
        const int PerPoster = 5_000;
        var active = 0;
        var overlapped = 0;
        var seen = new ConcurrentDictionary<int, int>();
        var actor = _h.Create(_ => new DelegateMasterModule((message, _) =>
        {
            if (Interlocked.Increment(ref active) != 1)
            {
                Interlocked.Increment(ref overlapped);
            }

            seen.AddOrUpdate(message!.Value.GetInt32(), 1, (_, n) => n + 1);
            Interlocked.Decrement(ref active);
            return ValueTask.FromResult<object?>(null);
        }));
        Wait.Until(() => actor.IsIdle, "the actor idle");

        var posters = Enumerable.Range(0, Posters).Select(p => Task.Run(async () =>
        {
            for (var i = 0; i < PerPoster; i++)
            {
                Assert.Equal(ModuleActor.PostOutcome.Queued, await actor.PostAsync(Notify((p * PerPoster) + i)));
            }
        })).ToArray();
        await Task.WhenAll(posters).WaitAsync(Wait.Timeout);

        await Eventually.TrueAsync(() => seen.Count == Posters * PerPoster, "every notify handled");
        Assert.All(seen.Values, n => Assert.Equal(1, n));
        Assert.Equal(0, Volatile.Read(ref overlapped));
        Wait.Until(() => actor.IsIdle, "the actor idle again");
    }

    [Fact]
    public async Task PostAsync_OnePosterWhileHandlersGoAsynchronous_KeepsItsOrder()
    {
        // Every third handler goes asynchronous: the direct path must not overtake what queued meanwhile.
        var seen = new ConcurrentQueue<int>();
        var actor = _h.Create(_ => new DelegateMasterModule(async (message, _) =>
        {
            var n = message!.Value.GetInt32();
            if (n % 3 == 0)
            {
                await Task.Yield();
            }

            seen.Enqueue(n);
            return null;
        }));

        for (var i = 0; i < 3_000; i++)
        {
            Assert.Equal(ModuleActor.PostOutcome.Queued, await actor.PostAsync(Notify(i)).AsTask().WaitAsync(Wait.Timeout));
        }

        await Eventually.TrueAsync(() => seen.Count == 3_000, "every notify handled");
        Assert.Equal(Enumerable.Range(0, 3_000), seen);
    }

    [Fact]
    public async Task TryAsk_ReplyTarget_AnsweredOnceWithResultOrError()
    {
        var actor = _h.Create(_ => new DelegateMasterModule((m, _) => m!.Value.GetInt32() < 0 ? throw new InvalidOperationException("negative") : ValueTask.FromResult<object?>(m.Value.GetInt32() * 2)));
        var target = new RecordingTarget();

        actor.TryAsk(new MasterHandlerInvocation(_h.Agent, JsonSerializer.SerializeToElement(21), null) { ReplyTo = target, ReqId = 7 });
        actor.TryAsk(new MasterHandlerInvocation(_h.Agent, JsonSerializer.SerializeToElement(-1), null) { ReplyTo = target, ReqId = 8 });

        await Eventually.TrueAsync(() => target.Replies.Count == 2, "both replies");
        var replies = target.Replies.OrderBy(r => r.ReqId).ToArray();
        Assert.Equal((7L, (object?)42, (string?)null), (replies[0].ReqId, replies[0].Body, replies[0].Error?.Message));
        Assert.Equal(8, replies[1].ReqId);
        Assert.Equal(ModuleErrorReason.HandlerFailed, Assert.IsType<ModuleException>(replies[1].Error).Reason);
        Assert.Equal("negative", replies[1].Error!.Message);
    }

    [Fact]
    public async Task DisposeAsync_QueuedReplyTargetAsks_AnsweredStopped()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var module = new StartRecordingModule(gate.Task);
        var actor = _h.Create(_ => module);
        _ = _h.Ask(actor, 1);
        await module.Entered.Task.WaitAsync(Wait.Timeout);
        var target = new RecordingTarget();
        actor.TryAsk(new MasterHandlerInvocation(_h.Agent, JsonSerializer.SerializeToElement(2), null) { ReplyTo = target, ReqId = 2 });

        var disposing = actor.DisposeAsync().AsTask();
        gate.SetResult();
        await disposing.WaitAsync(Wait.Timeout);

        var reply = Assert.Single(target.Replies);
        Assert.Equal(ModuleErrorReason.Stopped, Assert.IsType<ModuleException>(reply.Error).Reason);
    }

    private MasterHandlerInvocation Notify(int n) => new(_h.Agent, JsonSerializer.SerializeToElement(n), null);

    private sealed class RecordingTarget : IModuleReplyTarget
    {
        public ConcurrentQueue<(long ReqId, object? Body, Exception? Error)> Replies { get; } = new();

        public void Reply(long reqId, object? body, Exception? error) => Replies.Enqueue((reqId, body, error));
    }
}
