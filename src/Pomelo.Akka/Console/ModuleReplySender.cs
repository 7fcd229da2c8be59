using Pomelo.Akka.Internal;
using Pomelo.Akka.Protocol;

namespace Pomelo.Akka.Console;

/// <summary>
/// Sends a module's reply to a request on the connection it came from, from the actor's thread: the response is
/// serialised there and handed to the connection's writer without waiting for the flush, so the actor goes on with
/// its next message while the bytes leave.
/// </summary>
internal static class ModuleReplySender
{
    /// <summary>Sends the reply; a body that cannot be serialised is answered with an error instead.</summary>
    /// <returns>The serialisation failure, for the caller to log; null when the reply went as it was.</returns>
    public static Exception? Send(MqttConnection connection, AdminMessageWriter writer, string topic, long reqId, object? body, Exception? error)
    {
        Exception? unserialisable = null;
        ValueTask<bool> sending;
        try
        {
            sending = error is null
                ? connection.SendResponseAsync(writer, topic, reqId, null, body)
                : connection.SendResponseAsync(writer, topic, reqId, error.Message, null);
        }
        catch (Exception ex)
        {
            unserialisable = ex;
            sending = connection.SendResponseAsync(writer, topic, reqId, "reply could not be serialised: " + ex.Message, null);
        }

        if (sending.IsCompleted)
        {
            Observe(sending);
        }
        else
        {
            _ = ObserveAsync(sending);
        }

        return unserialisable;
    }

    /// <summary>A failed send has already marked the connection broken; nothing is left to do with the outcome.</summary>
    private static void Observe(ValueTask<bool> sending)
    {
        try
        {
            sending.GetAwaiter().GetResult();
        }
        catch (Exception)
        {
        }
    }

    private static async Task ObserveAsync(ValueTask<bool> sending)
    {
        try
        {
            await sending.ConfigureAwait(false);
        }
        catch (Exception)
        {
        }
    }
}
