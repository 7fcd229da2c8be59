using System.Text.Json;
using Pomelo.Akka.Internal;
using Pomelo.Akka.Tests.TestSupport;

namespace Pomelo.Akka.Tests.Internal;

public sealed class ReplyDispatcherTests
{
    [Fact]
    public async Task SetResult_ManyCompletionsOnManyLanes_EachCompletesOnce()
    {
        var dispatcher = new ReplyDispatcher(lanes: 4);
        var sources = Enumerable.Range(0, 5000).Select(_ => new TaskCompletionSource<JsonElement?>()).ToArray();
        var runs = new int[sources.Length];
        var tasks = sources.Select((s, i) => s.Task.ContinueWith(_ => Interlocked.Increment(ref runs[i]), TaskContinuationOptions.ExecuteSynchronously)).ToArray();

        // Posted from several threads at once, as several read loops do.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(p => Task.Run(() =>
        {
            for (var i = p; i < sources.Length; i += 4)
            {
                dispatcher.SetResult(sources[i], null);
            }
        })));

        await Task.WhenAll(tasks).WaitAsync(Wait.Timeout);
        Assert.All(runs, n => Assert.Equal(1, n));
    }

    [Fact]
    public async Task SetResult_ABurstWhileALaneIsBusy_RunsOnASecondLane()
    {
        // The first continuation holds its lane until a continuation from beyond the first turn has run: only a second
        // lane can run that one (one lane would run them one after another, and this would time out).
        var dispatcher = new ReplyDispatcher(lanes: 2);
        var laterRan = new ManualResetEventSlim();
        var sources = Enumerable.Range(0, ReplyDispatcher.Turn * 4).Select(_ => new TaskCompletionSource<JsonElement?>()).ToArray();
        var firstSawLater = sources[0].Task.ContinueWith(_ => laterRan.Wait(Wait.Timeout), TaskContinuationOptions.ExecuteSynchronously);
        var later = sources.Skip(ReplyDispatcher.Turn + 1).Select(s => s.Task.ContinueWith(_ => laterRan.Set(), TaskContinuationOptions.ExecuteSynchronously)).ToArray();

        foreach (var source in sources)
        {
            dispatcher.SetResult(source, null);
        }

        Assert.True(await firstSawLater.WaitAsync(Wait.Timeout), "a later completion ran while the first lane was busy");
        await Task.WhenAll(later).WaitAsync(Wait.Timeout);
    }

    [Fact]
    public async Task SetResult_OneLane_CompletesInOrder()
    {
        var dispatcher = new ReplyDispatcher(lanes: 1);
        var sources = Enumerable.Range(0, 1000).Select(_ => new TaskCompletionSource<JsonElement?>()).ToArray();
        var order = new List<int>();
        var tasks = sources.Select((s, i) => s.Task.ContinueWith(_ => { lock (order) { order.Add(i); } }, TaskContinuationOptions.ExecuteSynchronously)).ToArray();

        for (var i = 0; i < sources.Length; i++)
        {
            dispatcher.SetResult(sources[i], JsonText.Parse(i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        await Task.WhenAll(tasks).WaitAsync(Wait.Timeout);
        Assert.Equal(Enumerable.Range(0, 1000), order);
        Assert.Equal(999, (await sources[999].Task)!.Value.GetInt32());
    }

    [Fact]
    public async Task SetResult_ContinuationRunsOffTheCompletingThread()
    {
        var dispatcher = new ReplyDispatcher();
        var source = new TaskCompletionSource<JsonElement?>();
        var inside = -1;
        var ranInside = source.Task.ContinueWith(_ => Volatile.Read(ref inside) == Environment.CurrentManagedThreadId, TaskContinuationOptions.ExecuteSynchronously);

        // The completion is queued, not run inside SetResult (the pool may later run it on this very thread: fine).
        Volatile.Write(ref inside, Environment.CurrentManagedThreadId);
        dispatcher.SetResult(source, null);
        Volatile.Write(ref inside, -1);

        Assert.False(await ranInside.WaitAsync(Wait.Timeout), "the continuation ran inside SetResult, on the completing thread");
    }

    [Fact]
    public async Task SetExceptionAndSetCanceled_ReachTheirTasks()
    {
        var dispatcher = new ReplyDispatcher();
        var failed = new TaskCompletionSource<JsonElement?>();
        var cancelled = new TaskCompletionSource<JsonElement?>();

        dispatcher.SetException(failed, new InvalidOperationException("x"));
        dispatcher.SetCanceled(cancelled);

        Assert.Equal("x", (await Assert.ThrowsAsync<InvalidOperationException>(() => failed.Task.WaitAsync(Wait.Timeout))).Message);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.Task.WaitAsync(Wait.Timeout));
    }
}
