using Pomelo.Akka.Internal;
using Pomelo.Akka.Protocol;

namespace Pomelo.Akka.Modules.Watchdog;

/// <summary>
/// Sends the watchdog's batches: every listener's envelopes in order, each listener after its previous batch (a slow
/// listener delays only itself), completing synchronously when the sockets take the bytes at once.
/// </summary>
internal sealed class WatchdogSender(Func<string, MqttConnection?> connectionOf)
{
    private readonly Dictionary<string, Task> _tails = new(StringComparer.Ordinal);

    /// <summary>Gets how many listeners still have sends in flight.</summary>
    public int InFlight => _tails.Count;

    /// <summary>Starts one batch; not thread-safe (one broadcast loop calls it).</summary>
    /// <param name="sends">What each listener must be sent.</param>
    /// <returns>A task that completes when every send of this batch is done.</returns>
    public Task SendAsync(IReadOnlyList<WatchdogSend> sends)
    {
        List<Task>? pending = null;
        foreach (var send in sends)
        {
            if (connectionOf(send.ServerId) is not { } connection)
            {
                continue;
            }

            var task = _tails.TryGetValue(send.ServerId, out var previous) && !previous.IsCompleted
                ? SendAfterAsync(previous, connection, send.Payloads)
                : SendFrom(connection, send.Payloads);
            if (task.IsCompleted)
            {
                _tails.Remove(send.ServerId);
            }
            else
            {
                _tails[send.ServerId] = task;
                (pending ??= []).Add(task);
            }
        }

        if (_tails.Count > (pending?.Count ?? 0))
        {
            foreach (var (id, tail) in _tails.Where(t => t.Value.IsCompleted).ToList())
            {
                _tails.Remove(id);
            }
        }

        return pending is null ? Task.CompletedTask : Task.WhenAll(pending);
    }

    private static Task SendFrom(MqttConnection connection, IReadOnlyList<ReadOnlyMemory<byte>> payloads)
    {
        for (var i = 0; i < payloads.Count; i++)
        {
            ValueTask<bool> sent;
            try
            {
                sent = connection.PublishAsync(AdminTopics.Monitor, payloads[i]);
            }
            catch (Exception)
            {
                return Task.CompletedTask;
            }

            if (!sent.IsCompletedSuccessfully)
            {
                return ContinueAsync(sent, connection, payloads, i + 1);
            }

            if (!sent.Result)
            {
                return Task.CompletedTask;
            }
        }

        return Task.CompletedTask;
    }

    private static async Task SendAfterAsync(Task previous, MqttConnection connection, IReadOnlyList<ReadOnlyMemory<byte>> payloads)
    {
        await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await SendFrom(connection, payloads).ConfigureAwait(false);
    }

    private static async Task ContinueAsync(ValueTask<bool> current, MqttConnection connection, IReadOnlyList<ReadOnlyMemory<byte>> payloads, int next)
    {
        try
        {
            if (!await current.ConfigureAwait(false))
            {
                return;
            }

            for (var i = next; i < payloads.Count; i++)
            {
                if (!await connection.PublishAsync(AdminTopics.Monitor, payloads[i]).ConfigureAwait(false))
                {
                    return;
                }
            }
        }
        catch (Exception)
        {
            // A broken connection ends this listener's sends; its session's close is reported elsewhere.
        }
    }
}
