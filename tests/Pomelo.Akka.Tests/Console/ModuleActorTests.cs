using System.Collections.Concurrent;
using System.Threading.Channels;
using Pomelo.Akka.Console;
using Pomelo.Akka.Errors;
using Pomelo.Akka.Tests.Console.TestModules;
using Pomelo.Akka.Tests.TestSupport;

namespace Pomelo.Akka.Tests.Console;

public sealed class ModuleActorTests : IAsyncLifetime
{
    private static readonly TimeSpan QuietWindow = TimeSpan.FromMilliseconds(200);

    private readonly ModuleActorHarness _h = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task AskAsync_ManyMessages_HandledOneAtATimeInOrder()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = Channel.CreateUnbounded<int>();
        var order = new ConcurrentQueue<int>();
        int active = 0, maxActive = 0;
        var actor = _h.Create(_ => new DelegateMasterModule(async (message, ct) =>
        {
            var now = Interlocked.Increment(ref active);
            InterlockedMax(ref maxActive, now);
            var n = message!.Value.GetInt32();
            order.Enqueue(n);
            entered.Writer.TryWrite(n);
            await gate.Task.WaitAsync(ct);
            await Task.Yield();
            Interlocked.Decrement(ref active);
            return n;
        }));

        var replies = Enumerable.Range(0, 5).Select(i => _h.Ask(actor, i)).ToArray();
        Assert.Equal(0, await entered.Reader.NextAsync());
        Assert.False(await entered.Reader.ReceivesWithinAsync(QuietWindow), "a second message started while the first was still running");
        gate.SetResult();

        var results = await Task.WhenAll(replies).WaitAsync(Wait.Timeout);
        Assert.Equal([0, 1, 2, 3, 4], results.Cast<int>());
        Assert.Equal([0, 1, 2, 3, 4], order);
        Assert.Equal(1, Volatile.Read(ref maxActive));
    }

    [Fact]
    public async Task AskAsync_MailboxFull_FailsBusy()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var module = new StartRecordingModule(gate.Task);
        var actor = _h.Create(_ => module, o => o.MailboxCapacity = 1);
        var running = _h.Ask(actor, 1);
        await module.Entered.Task.WaitAsync(Wait.Timeout);
        var queued = _h.Ask(actor, 2);

        var ex = await Assert.ThrowsAsync<ModuleException>(() => _h.Ask(actor, 3));

        Assert.Equal(ModuleErrorReason.Busy, ex.Reason);
        Assert.Equal("m", ex.ModuleId);
        gate.SetResult();
        await Task.WhenAll(running, queued).WaitAsync(Wait.Timeout);
    }

    [Fact]
    public async Task AskAsync_HandlerThrows_FailsHandlerFailedWithMessage()
    {
        var thrown = new InvalidOperationException("boom");
        var calls = 0;
        var actor = _h.Create(_ => new DelegateMasterModule((_, _) => Interlocked.Increment(ref calls) == 1 ? throw thrown : ValueTask.FromResult<object?>("ok")));

        var ex = await Assert.ThrowsAsync<ModuleException>(() => _h.Ask(actor, 1).WaitAsync(Wait.Timeout));

        Assert.Equal(ModuleErrorReason.HandlerFailed, ex.Reason);
        Assert.Equal("boom", ex.Message);
        Assert.Same(thrown, ex.InnerException);
        Assert.Equal("ok", await _h.Ask(actor, 2).WaitAsync(Wait.Timeout));
        Assert.Equal("boom", actor.Snapshot().LastError);
    }

    [Fact]
    public async Task AskAsync_ModuleLacksHandler_RepliesNoHandlerWithoutCountingFailure()
    {
        var actor = _h.Create(_ => new DelegateMasterModule((m, _) => ValueTask.FromResult<object?>(m!.Value.GetInt32())), supervision: new ModuleSupervisionOptions { FailuresBeforeRestart = 1 });

        for (var i = 0; i < 3; i++)
        {
            var ex = await Assert.ThrowsAsync<ModuleException>(() => _h.AskClient(actor, i).WaitAsync(Wait.Timeout));
            Assert.Equal(ModuleErrorReason.NoHandler, ex.Reason);
            Assert.Equal("module m does not have a method called clientHandler", ex.Message);
        }

        Assert.Equal(7, await _h.Ask(actor, 7).WaitAsync(Wait.Timeout));
        Assert.Equal(ModuleState.Running, actor.State);
        Assert.Equal(1, _h.FactoryCalls);
        Assert.Equal(0, actor.Snapshot().Restarts);
    }

    [Fact]
    public async Task AskAsync_Disabled_FailsDisabledWithoutCallingHandler()
    {
        var calls = 0;
        var actor = _h.Create(_ => new DelegateMasterModule((_, _) => ValueTask.FromResult<object?>(Interlocked.Increment(ref calls))), o => o.Enabled = false);

        var ex = await Assert.ThrowsAsync<ModuleException>(() => _h.Ask(actor, 1).WaitAsync(Wait.Timeout));

        Assert.Equal(ModuleErrorReason.Disabled, ex.Reason);
        Assert.Equal("module m is disable", ex.Message);
        Assert.Equal(0, Volatile.Read(ref calls));
        actor.SetEnabled(true);
        Assert.Equal(1, await _h.Ask(actor, 2).WaitAsync(Wait.Timeout));
    }

    [Fact]
    public async Task SetEnabled_False_FailsLaterAsksDisabled()
    {
        var actor = _h.Create(_ => new DelegateMasterModule((_, _) => ValueTask.FromResult<object?>("ok")));
        Assert.Equal("ok", await _h.Ask(actor, 1).WaitAsync(Wait.Timeout));

        actor.SetEnabled(false);

        Assert.False(actor.Snapshot().Enabled);
        Assert.Equal(ModuleErrorReason.Disabled, (await Assert.ThrowsAsync<ModuleException>(() => _h.Ask(actor, 2).WaitAsync(Wait.Timeout))).Reason);
    }

    [Fact]
    public async Task StartModuleAsync_HandlerRunning_StartsOnceAfterItThroughMailbox()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var module = new StartRecordingModule(gate.Task);
        var actor = _h.Create(_ => module);
        var running = _h.Ask(actor, 1);
        await module.Entered.Task.WaitAsync(Wait.Timeout);

        var started = actor.StartModuleAsync();
        gate.SetResult();
        await Task.WhenAll(running, started).WaitAsync(Wait.Timeout);

        Assert.Equal(["enter", "exit", "start"], module.Log);
    }

    [Fact]
    public async Task DisposeAsync_QueuedAsks_FailStopped()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var module = new StartRecordingModule(gate.Task);
        var actor = _h.Create(_ => module);
        var asks = new[] { _h.Ask(actor, 1), _h.Ask(actor, 2), _h.Ask(actor, 3) };
        await module.Entered.Task.WaitAsync(Wait.Timeout);

        await actor.DisposeAsync().AsTask().WaitAsync(Wait.Timeout);

        foreach (var ask in asks)
        {
            Assert.Equal(ModuleErrorReason.Stopped, (await Assert.ThrowsAsync<ModuleException>(() => ask.WaitAsync(Wait.Timeout))).Reason);
        }

        Assert.Equal(ModuleState.Stopped, actor.State);
        Assert.Equal(ModuleErrorReason.Stopped, (await Assert.ThrowsAsync<ModuleException>(() => _h.Ask(actor, 4))).Reason);
    }

    [Fact]
    public async Task DisposeAsync_QueuedAsks_AreNotHandled()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        var actor = _h.Create(_ => new DelegateMasterModule(async (_, _) =>
        {
            Interlocked.Increment(ref calls);
            entered.TrySetResult();
            await gate.Task;
            return "handled";
        }));
        var inFlight = _h.Ask(actor, 1);
        var queued = new[] { _h.Ask(actor, 2), _h.Ask(actor, 3) };
        await entered.Task.WaitAsync(Wait.Timeout);

        var disposing = actor.DisposeAsync().AsTask();
        gate.SetResult();
        await disposing.WaitAsync(Wait.Timeout);

        Assert.Equal("handled", await inFlight.WaitAsync(Wait.Timeout));
        foreach (var ask in queued)
        {
            Assert.Equal(ModuleErrorReason.Stopped, (await Assert.ThrowsAsync<ModuleException>(() => ask.WaitAsync(Wait.Timeout))).Reason);
        }

        Assert.Equal(1, Volatile.Read(ref calls));
    }

    [Fact]
    public async Task DisposeAsync_Twice_SecondCallIsANoOp()
    {
        var actor = _h.Create(_ => new DelegateMasterModule((_, _) => ValueTask.FromResult<object?>(null)));
        await actor.DisposeAsync();

        await actor.DisposeAsync().AsTask().WaitAsync(Wait.Timeout);

        Assert.Equal(ModuleState.Stopped, actor.State);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
