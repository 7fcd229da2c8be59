using Pomelo.Akka.Internal;
using Pomelo.Akka.Protocol;

namespace Pomelo.Akka.Modules.Watchdog;

/// <summary>
/// Sends the watchdog's batches with flow control: each listener's notifies in one write and one flush; once a listener
/// has been sent <see cref="AckEvery"/> changes since its last acknowledgement, the batch's last change goes as a
/// request and the listener is busy until it is answered (it has then applied everything before), so no listener is
/// ever sent more than it can take in — <see cref="IsBusy"/> tells the state to keep its changes for the next batch.
/// A replaceServer (no notify form given) always goes as a request. Used by one broadcast loop; not thread-safe otherwise.
/// </summary>
/// <param name="connectionOf">Finds a listener's connection.</param>
/// <param name="request">Sends a request to a listener's <c>__monitorwatcher__</c> with the given body.</param>
/// <param name="onIdle">Called when a listener's batch is done (answered, failed or timed out).</param>
internal sealed class WatchdogSender(Func<string, MqttConnection?> connectionOf, Func<string, RawJson, Task> request, Action onIdle)
{
    /// <summary>How many changes a listener may be sent without an acknowledgement.</summary>
    public const int AckEvery = 64;

    private readonly Dictionary<string, Task> _inFlight = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _unacknowledged = new(StringComparer.Ordinal);

    /// <summary>Gets whether a listener's previous batch is still unanswered.</summary>
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
    /// <returns>How many listeners have a batch unanswered.</returns>
    public int Send(IReadOnlyList<WatchdogSend> sends)
    {
        foreach (var send in sends)
        {
            if (connectionOf(send.ServerId) is not { } connection)
            {
                continue;
            }

            var unacknowledged = _unacknowledged.GetValueOrDefault(send.ServerId) + send.Count;
            if (!send.LastNotify.IsEmpty && unacknowledged <= AckEvery)
            {
                _unacknowledged[send.ServerId] = unacknowledged;
                Publish(connection, [.. send.Notifies, send.LastNotify]);
                continue;
            }

            _unacknowledged.Remove(send.ServerId);
            if (send.Notifies.Count > 0)
            {
                // Queued on the connection before the request below, so the request's reply comes after them.
                Publish(connection, send.Notifies);
            }

            var reply = request(send.ServerId, new RawJson(send.Last));
            if (reply.IsCompleted)
            {
                _ = reply.Exception;
            }
            else
            {
                _inFlight[send.ServerId] = reply;
                _ = reply.ContinueWith(
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

        return _inFlight.Count;
    }

    private static void Publish(MqttConnection connection, IReadOnlyList<ReadOnlyMemory<byte>> payloads)
    {
        var sent = connection.PublishManyAsync(AdminTopics.Monitor, payloads);
        if (sent.IsCompleted)
        {
            sent.GetAwaiter().GetResult();
        }
        else
        {
            _ = sent.AsTask();
        }
    }
}
