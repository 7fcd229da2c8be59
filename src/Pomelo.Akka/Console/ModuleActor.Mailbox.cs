using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Pomelo.Akka.Errors;

namespace Pomelo.Akka.Console;

/// <summary>
/// The mailbox machinery: one drain at a time holds the drain flag; a post to an idle actor is handled on the
/// poster's thread, leftovers drain in batches on the thread pool, a handler that goes asynchronous resumes the drain
/// when it is done.
/// </summary>
internal sealed partial class ModuleActor
{
    void IThreadPoolWorkItem.Execute() => Drain(PoolBudget);

    /// <summary>
    /// The back-pressure wait of a notify: the poster waits until the drain has taken the mailbox down to its low water
    /// (<see cref="_lowWater"/>), not for a single free slot, so a read loop that outpaces its actor refills half a
    /// mailbox per wake-up instead of handing over one message per wake-up on both threads.
    /// </summary>
    private async ValueTask<PostOutcome> PostSlowAsync(ModuleInvocation invocation, CancellationToken cancellationToken)
    {
        var writer = _mailbox.Writer;

        // The messages that filled the mailbox may have been queued with their drain left to the poster's kick.
        Schedule(inline: false);
        var started = _time.GetTimestamp();
        while (true)
        {
            var left = _fullWait - _time.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
            {
                return PostOutcome.Full;
            }

            // Published before the retry: a drain that frees room after it sees the waiter; one that freed room before
            // lets the retry through.
            var room = WaitForRoom();
            if (writer.TryWrite(invocation))
            {
                Schedule(inline: invocation.DeferredMessage is null);
                return PostOutcome.Queued;
            }

            if (Volatile.Read(ref _disposed) != 0)
            {
                return PostOutcome.Stopped;
            }

            try
            {
                await room.WaitAsync(left, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
            }
        }
    }

    /// <summary>Gets the task the next low-water drain completes, shared by every poster waiting meanwhile.</summary>
    private Task WaitForRoom()
    {
        var waiter = Volatile.Read(ref _roomWaiter);
        if (waiter is not null)
        {
            return waiter.Task;
        }

        var created = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return (Interlocked.CompareExchange(ref _roomWaiter, created, null) ?? created).Task;
    }

    /// <summary>Wakes the posters waiting for room (the drain reached low water, or the actor stops).</summary>
    private void SignalRoom() => Interlocked.Exchange(ref _roomWaiter, null)?.TrySetResult();

    /// <summary>
    /// Handles the message at once (idle actor) or queues it and drains inline; one with a deferred message is queued
    /// and drained on the thread pool. False when the mailbox is full or closed.
    /// </summary>
    private bool TryPostNow(ModuleInvocation invocation, DrainKicks? kicks = null)
    {
        // A message with its parsing still to do is worth a thread hop: the poster (a read loop) reads on meanwhile.
        var queued = invocation.DeferredMessage is not null;
        if (!queued && TryHandleIdle(invocation))
        {
            return true;
        }

        if (!_mailbox.Writer.TryWrite(invocation))
        {
            return false;
        }

        if (queued && kicks is not null)
        {
            // The poster starts the drain once it has no more frames at hand. A drain running now sees this message,
            // or finds it when it releases the flag and takes it back.
            if (Volatile.Read(ref _draining) == 0)
            {
                kicks.Add(this);
            }

            return true;
        }

        Schedule(inline: !queued);
        return true;
    }

    /// <summary>Starts a drain on the thread pool unless one is running (a poster's <see cref="DrainKicks"/>).</summary>
    public void Kick() => Schedule(inline: false);

    /// <summary>
    /// An idle actor with an empty mailbox handles the message here and now without queuing it (no channel write and
    /// read): holding the drain flag with nothing queued, it is next in line anyway. Messages posted meanwhile queue
    /// and are drained after it, as usual.
    /// </summary>
    private bool TryHandleIdle(ModuleInvocation invocation)
    {
        if (Volatile.Read(ref _draining) != 0 || Interlocked.CompareExchange(ref _draining, 1, 0) != 0)
        {
            return false;
        }

        if (Volatile.Read(ref _disposed) != 0 || _stopping.IsCancellationRequested || _mailbox.Reader.TryPeek(out _))
        {
            // Stopping, or older messages wait: they go first, drained here as a post would (the caller then queues
            // this one behind them).
            ReleaseAndReschedule(inline: true);
            return false;
        }

        if (RunOne(invocation))
        {
            ReleaseAndReschedule(inline: false);
        }

        return true;
    }

    /// <summary>Starts a drain unless one is running: here and now (<paramref name="inline"/>) or on the thread pool.</summary>
    private void Schedule(bool inline)
    {
        if (Interlocked.CompareExchange(ref _draining, 1, 0) != 0)
        {
            return;
        }

        if (inline)
        {
            Drain(InlineBudget);
        }
        else
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    /// <summary>Handles up to <paramref name="budget"/> messages while holding the drain flag, then passes it on or releases it.</summary>
    private void Drain(int budget)
    {
        var reader = _mailbox.Reader;
        while (!_stopping.IsCancellationRequested && reader.TryRead(out var invocation))
        {
            if (Volatile.Read(ref _roomWaiter) is not null && reader.Count <= _lowWater)
            {
                SignalRoom();
            }

            if (!RunOne(invocation))
            {
                return;
            }

            if (--budget == 0)
            {
                if (!_stopping.IsCancellationRequested && reader.TryPeek(out _))
                {
                    ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
                    return;
                }

                break;
            }
        }

        ReleaseAndReschedule(inline: false);
    }

    /// <summary>Releases the drain flag; takes it back (and drains on the pool) when a message slipped in meanwhile.</summary>
    private void ReleaseAndReschedule(bool inline)
    {
        Volatile.Write(ref _draining, 0);
        if (Volatile.Read(ref _disposed) != 0)
        {
            _released.TrySetResult();
            return;
        }

        if (_mailbox.Reader.TryPeek(out _))
        {
            Schedule(inline);
        }
    }

    /// <summary>Waits for a handler that went asynchronous, then goes on draining on the thread pool.</summary>
    private async Task ResumeAfterAsync(ValueTask processing)
    {
        try
        {
            await processing.ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            OnProcessingError(ex);
        }

        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    /// <summary>
    /// Handles one message while holding the drain flag: true when it completed here; false when its handler went
    /// asynchronous, and the drain resumes on the pool once it is done (the flag stays held until then).
    /// </summary>
    private bool RunOne(ModuleInvocation invocation)
    {
        var processing = ProcessAsync(invocation);
        if (!processing.IsCompleted)
        {
            _ = ResumeAfterAsync(processing);
            return false;
        }

        try
        {
            processing.GetAwaiter().GetResult();
        }
        catch (Exception ex)
        {
            OnProcessingError(ex);
        }

        return true;
    }

    /// <summary>Supervision itself failed (a cancelled back-off while stopping is expected); the mailbox goes on.</summary>
    private void OnProcessingError(Exception ex)
    {
        if (ex is not OperationCanceledException || !_stopping.IsCancellationRequested)
        {
            LogMailboxError(_logger, ex, Id);
        }
    }
}
