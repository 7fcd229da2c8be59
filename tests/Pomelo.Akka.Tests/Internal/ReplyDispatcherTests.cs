using System.Text.Json;
using Pomelo.Akka.Internal;
using Pomelo.Akka.Tests.TestSupport;

namespace Pomelo.Akka.Tests.Internal;

public sealed class ReplyDispatcherTests
{
    [Fact]
    public async Task SetResult_ManyCompletions_EachCompletesOnceInOrder()
    {
        var dispatcher = new ReplyDispatcher();
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
