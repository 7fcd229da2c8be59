using Pomelo.Akka.Internal;
using Pomelo.Akka.Protocol;

namespace Pomelo.Akka.Console;

/// <summary>
/// Sends a module's reply to a request on the connection it came from, from the actor's thread, without waiting for
/// the connection's write lock or flush, so the actor goes on with its next message while the bytes leave.
/// </summary>
internal static class ModuleReplySender
{
    /// <summary>
    /// Sends the reply; a body that cannot be serialised (found now or once the write lock is taken) is reported to
    /// <paramref name="onUnserialisable"/> and answered with an error instead.
    /// </summary>
    public static void Send(MqttConnection connection, AdminMessageWriter writer, string topic, long reqId, object? body, Exception? error, Action<Exception, long> onUnserialisable)
    {
        ValueTask<bool> sending;
        try
        {
            sending = error is null
                ? connection.SendResponseAsync(writer, topic, reqId, null, body)
                : connection.SendResponseAsync(writer, topic, reqId, error.Message, null);
        }
        catch (Exception ex)
        {
            sending = ValueTask.FromException<bool>(ex);
        }

        if (!sending.IsCompletedSuccessfully)
        {
            _ = CompleteAsync(sending, connection, writer, topic, reqId, onUnserialisable);
        }
    }

    private static async Task CompleteAsync(ValueTask<bool> sending, MqttConnection connection, AdminMessageWriter writer, string topic, long reqId, Action<Exception, long> onUnserialisable)
    {
        string reason;
        try
        {
            await sending.ConfigureAwait(false);
            return;
        }
        catch (Exception ex)
        {
            onUnserialisable(ex, reqId);
            reason = "reply could not be serialised: " + ex.Message;
        }

        try
        {
            await connection.SendResponseAsync(writer, topic, reqId, reason, null).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Nothing more to say on this connection; a failed write has already marked it broken.
        }
    }
}
