using Pomelo.Akka.Internal;
using Pomelo.Akka.Protocol;

namespace Pomelo.Akka.Modules.Watchdog;

/// <summary>
/// Sends the watchdog's batches with flow control: each listener's notifies go out in writes of at most
/// <see cref="MaxBytesPerWrite"/>, each flushed before the next is written; once a listener has been sent
/// <see cref="AckEvery"/> changes since its last acknowledgement, the batch's last change goes as a request and the
/// listener is busy until it is answered (it has then applied everything before), so no listener is ever sent more than
/// it can take in — <see cref="IsBusy"/> tells the state to keep its changes for the next batch. A listener is also busy
/// while the writes of its batch wait for its socket. A replaceServer (no notify form given) always goes as a request.
/// Used by one broadcast loop; not thread-safe otherwise.
/// </summary>
/// <param name="connectionOf">Finds a listener's connection.</param>
/// <param name="request">Sends a request to a listener's <c>__monitorwatcher__</c> with the given body.</param>
/// <param name="onIdle">Called when a listener's batch is done (written, and answered when it ends with a request).</param>
internal sealed class WatchdogSender(Func<string, MqttConnection?> connectionOf, Func<string, RawJson, Task> request, Action onIdle)
{
    /// <summary>How many changes a listener may be sent without an acknowledgement.</summary>
    public const int AckEvery = 64;

    /// <summary>
    /// The most bytes of one listener's batch written at once. A connection's output pipe keeps every 4 KB segment it
    /// ever held at once for the connection's life: a batch of 256 changes written whole (~64 KB) left 16 of them on
    /// every connection after a registration storm; flushed in 16 KB writes, it leaves about 7.
    /// </summary>
    public const int MaxBytesPerWrite = 16 * 1024;

    private readonly Dictionary<string, Task> _inFlight = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _unacknowledged = new(StringComparer.Ordinal);

    /// <summary>Gets whether a listener's previous batch is still being written or unanswered.</summary>
    /// <param name="serverId">The listener.</param>
    /// <returns>True when busy.</returns>
    public bool IsBusy(string serverId)
    {
        if (!_inFlight.TryGetValue(serverId, out var task))
        {
            return false;
        }

        if (!task.IsCompleted)
        {
            return true;
        }

        _inFlight.Remove(serverId);
        return false;
    }

    /// <summary>Starts one batch.</summary>
    /// <param name="sends">What each listener must be sent.</param>
    /// <returns>How many listeners have a batch still being written or unanswered.</returns>
    public int Send(IReadOnlyList<WatchdogSend> sends)
    {
        foreach (var send in sends)
        {
            if (connectionOf(send.ServerId) is not { } connection)
            {
                continue;
            }

            var unacknowledged = _unacknowledged.GetValueOrDefault(send.ServerId) + send.Count;
            Task done;
            if (!send.LastNotify.IsEmpty && unacknowledged <= AckEvery)
            {
                _unacknowledged[send.ServerId] = unacknowledged;
                done = WriteAsync(connection, [.. send.Notifies, send.LastNotify], 0, null);
            }
            else
            {
                // The notifies are written before the request, so the request's reply comes after them.
                _unacknowledged.Remove(send.ServerId);
                var id = send.ServerId;
                var last = new RawJson(send.Last);
                done = WriteAsync(connection, [.. send.Notifies], 0, () => request(id, last));
            }

            Track(send.ServerId, done);
        }

        return _inFlight.Count;
    }

    /// <summary>Writes the notifies from <paramref name="start"/> on in writes of at most <see cref="MaxBytesPerWrite"/>, each flushed before the next, then runs <paramref name="then"/>.</summary>
    private static Task WriteAsync(MqttConnection connection, ReadOnlyMemory<byte>[] payloads, int start, Func<Task>? then)
    {
        while (start < payloads.Length)
        {
            var end = ChunkEnd(payloads, start);
            var written = connection.PublishManyAsync(AdminTopics.Monitor, new ArraySegment<ReadOnlyMemory<byte>>(payloads, start, end - start));
            start = end;
            if (!written.IsCompleted)
            {
                return WriteRestAsync(connection, payloads, start, written, then);
            }

            if (!written.GetAwaiter().GetResult())
            {
                // The connection is gone: the listener is dropped with it.
                return Task.CompletedTask;
            }
        }

        return then?.Invoke() ?? Task.CompletedTask;
    }

    private static async Task WriteRestAsync(MqttConnection connection, ReadOnlyMemory<byte>[] payloads, int start, ValueTask<bool> pending, Func<Task>? then)
    {
        if (!await pending.ConfigureAwait(false))
        {
            return;
        }

        await WriteAsync(connection, payloads, start, then).ConfigureAwait(false);
    }

    /// <summary>The end of the write starting at <paramref name="start"/>: at least one payload, at most <see cref="MaxBytesPerWrite"/> bytes otherwise.</summary>
    private static int ChunkEnd(ReadOnlyMemory<byte>[] payloads, int start)
    {
        var bytes = payloads[start].Length;
        var end = start + 1;
        while (end < payloads.Length && bytes + payloads[end].Length <= MaxBytesPerWrite)
        {
            bytes += payloads[end].Length;
            end++;
        }

        return end;
    }

    private void Track(string serverId, Task done)
    {
        if (done.IsCompleted)
        {
            _ = done.Exception;
            return;
        }

        _inFlight[serverId] = done;
        _ = done.ContinueWith(
            static (t, s) =>
            {
                _ = t.Exception;
                ((Action)s!)();
            },
            onIdle,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }
}
