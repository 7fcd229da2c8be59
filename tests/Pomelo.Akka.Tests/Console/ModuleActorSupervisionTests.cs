using Pomelo.Akka.Console;
using Pomelo.Akka.Errors;
using Pomelo.Akka.Tests.Console.TestModules;
using Pomelo.Akka.Tests.TestSupport;

namespace Pomelo.Akka.Tests.Console;

public sealed class ModuleActorSupervisionTests : IAsyncLifetime
{
    private static readonly TimeSpan Backoff = TimeSpan.FromSeconds(1);

    private readonly ModuleActorHarness _h = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task AskAsync_RepeatedFailures_RecreatesInstanceAfterBackoff()
    {
        var actor = _h.Create(Throwing, supervision: Supervision(failuresBeforeRestart: 2, maxRestarts: 5));

        await AssertHandlerFailed(_h.Ask(actor, 1), "boom from 1");
        await AssertHandlerFailed(_h.Ask(actor, 2), "boom from 1");
        var afterRestart = _h.Ask(actor, 3);
        _h.WaitForBackoff(actor);
        _h.Time.Advance(Backoff - TimeSpan.FromMilliseconds(1));

        Assert.Equal(1, _h.FactoryCalls);
        Assert.False(afterRestart.IsCompleted);
        _h.Time.Advance(TimeSpan.FromMilliseconds(1));

        await AssertHandlerFailed(afterRestart, "boom from 2");
        Assert.Equal(2, _h.FactoryCalls);
        Assert.Equal(ModuleState.Running, actor.State);
        Assert.Equal(1, actor.Snapshot().Restarts);
    }

    [Fact]
    public async Task AskAsync_RestartDisposesOldInstance()
    {
        var instances = new List<DisposableThrowingModule>();
        var actor = _h.Create(_ =>
        {
            var module = new DisposableThrowingModule();
            lock (instances)
            {
                instances.Add(module);
            }

            return module;
        }, supervision: Supervision(failuresBeforeRestart: 1, maxRestarts: 5));

        await AssertHandlerFailed(_h.Ask(actor, 1), "boom");
        _h.WaitForBackoff(actor);

        Assert.True(instances[0].Disposed);
    }

    [Fact]
    public async Task AskAsync_TooManyRestarts_MarksFailedAndRepliesFailed()
    {
        var actor = _h.Create(Throwing, supervision: Supervision(failuresBeforeRestart: 1, maxRestarts: 1));

        await AssertHandlerFailed(_h.Ask(actor, 1), "boom from 1");
        var second = _h.Ask(actor, 2);
        var third = _h.Ask(actor, 3);
        _h.WaitForBackoff(actor);
        _h.Time.Advance(Backoff);
        await AssertHandlerFailed(second, "boom from 2");

        var ex = await Assert.ThrowsAsync<ModuleException>(() => third.WaitAsync(Wait.Timeout));
        Assert.Equal(ModuleErrorReason.Failed, ex.Reason);
        Assert.Equal("module m has failed: boom from 2", ex.Message);
        Assert.Equal(ModuleState.Failed, actor.State);
        Assert.Null(actor.Instance);
        Assert.Equal(2, _h.FactoryCalls);
        Assert.Equal(1, actor.Snapshot().Restarts);
    }

    [Fact]
    public async Task SetEnabled_FailedModule_RevivesFromFactory()
    {
        var actor = _h.Create(n => n == 1 ? Throwing(n) : Echo(), supervision: Supervision(failuresBeforeRestart: 1, maxRestarts: 0));
        await AssertHandlerFailed(_h.Ask(actor, 1), "boom from 1");
        Assert.Equal(ModuleErrorReason.Failed, (await Assert.ThrowsAsync<ModuleException>(() => _h.Ask(actor, 2).WaitAsync(Wait.Timeout))).Reason);
        Assert.Equal(ModuleState.Failed, actor.State);

        actor.SetEnabled(true);

        Assert.Equal(3, await _h.Ask(actor, 3).WaitAsync(Wait.Timeout));
        Assert.Equal(ModuleState.Running, actor.State);
        Assert.Equal(2, _h.FactoryCalls);
    }

    [Fact]
    public async Task Activate_FactoryThrows_FailsUntilRevived()
    {
        var actor = _h.Create(n => n == 1 ? throw new InvalidOperationException("no config") : Echo());

        var ex = await Assert.ThrowsAsync<ModuleException>(() => _h.Ask(actor, 1).WaitAsync(Wait.Timeout));
        Assert.Equal(ModuleErrorReason.Failed, ex.Reason);
        Assert.Equal("module m has failed: factory failed: no config", ex.Message);
        Assert.Equal(ModuleState.Failed, actor.State);

        actor.SetEnabled(true);

        Assert.Equal(2, await _h.Ask(actor, 2).WaitAsync(Wait.Timeout));
        Assert.Equal(ModuleState.Running, actor.State);
    }

    [Fact]
    public async Task AskAsync_RecreationFails_RetriesUntilMarkedFailed()
    {
        var actor = _h.Create(n => n == 1 ? Throwing(n) : throw new InvalidOperationException("factory down"), supervision: Supervision(failuresBeforeRestart: 2, maxRestarts: 3));
        await AssertHandlerFailed(_h.Ask(actor, 1), "boom from 1");
        await AssertHandlerFailed(_h.Ask(actor, 2), "boom from 1");

        for (var attempt = 0; attempt < 10 && actor.State != ModuleState.Failed; attempt++)
        {
            Wait.Until(() => actor.State == ModuleState.Failed || _h.Time.ActiveTimerCount == 1, "another restart attempt or the failed state");
            _h.Time.Advance(TimeSpan.FromSeconds(10));
        }

        Assert.Equal(ModuleState.Failed, actor.State);
        Assert.Equal(ModuleErrorReason.Failed, (await Assert.ThrowsAsync<ModuleException>(() => _h.Ask(actor, 3).WaitAsync(Wait.Timeout))).Reason);
    }

    private static IAdminModule Throwing(int instance)
        => new DelegateMasterModule((_, _) => throw new InvalidOperationException("boom from " + instance));

    private static IAdminModule Echo()
        => new DelegateMasterModule((m, _) => ValueTask.FromResult<object?>(m!.Value.GetInt32()));

    private static ModuleSupervisionOptions Supervision(int failuresBeforeRestart, int maxRestarts) => new()
    {
        FailuresBeforeRestart = failuresBeforeRestart,
        MaxRestarts = maxRestarts,
        RestartWindow = TimeSpan.FromMinutes(10),
        MinBackoff = Backoff,
        MaxBackoff = TimeSpan.FromSeconds(10),
    };

    private static async Task AssertHandlerFailed(Task<object?> reply, string message)
    {
        var ex = await Assert.ThrowsAsync<ModuleException>(() => reply.WaitAsync(Wait.Timeout));
        Assert.Equal(ModuleErrorReason.HandlerFailed, ex.Reason);
        Assert.Equal(message, ex.Message);
    }

    private sealed class DisposableThrowingModule : IMasterHandler, IDisposable
    {
        public bool Disposed { get; private set; }

        public ValueTask<object?> MasterHandlerAsync(Pomelo.Akka.Master.IMasterAgent agent, System.Text.Json.JsonElement? message, CancellationToken cancellationToken)
            => throw new InvalidOperationException("boom");

        public void Dispose() => Disposed = true;
    }
}
