using Pomelo.Akka.Protocol;

namespace Pomelo.Akka.Internal;

/// <summary>Serialises an envelope straight into the connection's scratch writer, under its write lock, and publishes it.</summary>
internal static class EnvelopeSender
{
    public static ValueTask<bool> SendRequestAsync(this MqttConnection connection, AdminMessageWriter writer, string topic, long reqId, string moduleId, object? body, CancellationToken cancellationToken = default)
        => connection.PublishAsync(topic, (writer, reqId, moduleId, body), static (w, a) => a.writer.WriteRequest(w, a.reqId, a.moduleId, a.body), cancellationToken);

    public static ValueTask<bool> SendNotifyAsync(this MqttConnection connection, AdminMessageWriter writer, string topic, string moduleId, object? body, CancellationToken cancellationToken = default)
        => connection.PublishAsync(topic, (writer, moduleId, body), static (w, a) => a.writer.WriteNotify(w, a.moduleId, a.body), cancellationToken);

    public static ValueTask<bool> SendResponseAsync(this MqttConnection connection, AdminMessageWriter writer, string topic, long respId, object? error, object? body, CancellationToken cancellationToken = default)
        => connection.PublishAsync(topic, (writer, respId, error, body), static (w, a) => a.writer.WriteResponse(w, a.respId, a.error, a.body), cancellationToken);

    /// <summary>Runs a request's handler and sends its response: the body, or the handler's error message; a body that cannot be serialised is answered with an error instead.</summary>
    public static async Task RespondAsync(this MqttConnection connection, AdminMessageWriter writer, string topic, long reqId, Func<Task<object?>> handle, Action<Exception> onUnserialisable)
    {
        object? body = null;
        object? error = null;
        try
        {
            body = await handle().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            error = ex.Message;
        }

        try
        {
            await connection.SendResponseAsync(writer, topic, reqId, error, body).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            onUnserialisable(ex);
            await connection.SendResponseAsync(writer, topic, reqId, "reply could not be serialised: " + ex.Message, null).ConfigureAwait(false);
        }
    }

    public static ValueTask<bool> SendCommandAsync(this MqttConnection connection, AdminMessageWriter writer, string topic, long? reqId, string command, string? moduleId, object? body, CancellationToken cancellationToken = default)
        => connection.PublishAsync(topic, (writer, reqId, command, moduleId, body), static (w, a) => a.writer.WriteCommand(w, a.reqId, a.command, a.moduleId, a.body), cancellationToken);

    public static ValueTask<bool> SendRegisterAsync(this MqttConnection connection, AdminMessageWriter writer, string topic, RegisterRequest request, CancellationToken cancellationToken = default)
        => connection.PublishAsync(topic, (writer, request), static (w, a) => a.writer.WriteRegister(w, a.request), cancellationToken);

    public static ValueTask<bool> SendRegisterReplyAsync(this MqttConnection connection, string topic, RegisterReply reply, CancellationToken cancellationToken = default)
        => connection.PublishAsync(topic, reply, static (w, r) => AdminMessageWriter.WriteRegisterReply(w, r), cancellationToken);
}
