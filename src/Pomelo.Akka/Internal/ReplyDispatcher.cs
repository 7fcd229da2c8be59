using System.Collections.Concurrent;
using System.Text.Json;

namespace Pomelo.Akka.Internal;

/// <summary>
/// Completes request tasks off the caller's thread, in batches: every completion is queued and one thread-pool work
/// item completes all that are queued, running their continuations (the requesters' code) one after another. A read
/// loop that finds twenty replies in one buffer costs one thread-pool hand-off instead of twenty, and never runs a
/// requester's code itself.
/// </summary>
/// <remarks>
/// The tasks' sources are created without <see cref="TaskCreationOptions.RunContinuationsAsynchronously"/>: this work
/// item is what keeps continuations off the completing thread. A work item completes at most <see cref="Budget"/>
/// requests before it queues itself again, so one batch of slow continuations cannot starve the pool's other work.
/// </remarks>
internal sealed class ReplyDispatcher : IThreadPoolWorkItem
{
    /// <summary>Completions one work item runs before it yields the thread to other pool work.</summary>
    private const int Budget = 256;

    private readonly ConcurrentQueue<Completion> _queue = new();
    private int _scheduled;

    /// <summary>Completes <paramref name="source"/> with <paramref name="result"/>, soon, on the thread pool.</summary>
    public void SetResult(TaskCompletionSource<JsonElement?> source, JsonElement? result) => Post(new Completion(source, result, null, false));

    /// <summary>Fails <paramref name="source"/> with <paramref name="error"/>, soon, on the thread pool.</summary>
    public void SetException(TaskCompletionSource<JsonElement?> source, Exception error) => Post(new Completion(source, null, error, false));

    /// <summary>Cancels <paramref name="source"/>, soon, on the thread pool.</summary>
    public void SetCanceled(TaskCompletionSource<JsonElement?> source) => Post(new Completion(source, null, null, true));

    void IThreadPoolWorkItem.Execute()
    {
        var budget = Budget;
        while (true)
        {
            while (_queue.TryDequeue(out var completion))
            {
                completion.Apply();
                if (--budget == 0)
                {
                    // Still scheduled: the flag stays set and this item goes to the back of the pool's queue.
                    ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
                    return;
                }
            }

            Volatile.Write(ref _scheduled, 0);
            if (_queue.IsEmpty || Interlocked.CompareExchange(ref _scheduled, 1, 0) != 0)
            {
                return;
            }
        }
    }

    private void Post(Completion completion)
    {
        _queue.Enqueue(completion);
        if (Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    private readonly record struct Completion(TaskCompletionSource<JsonElement?> Source, JsonElement? Result, Exception? Error, bool Canceled)
    {
        public void Apply()
        {
            if (Canceled)
            {
                Source.TrySetCanceled();
            }
            else if (Error is not null)
            {
                Source.TrySetException(Error);
            }
            else
            {
                Source.TrySetResult(Result);
            }
        }
    }
}
