using System.Buffers;
using Pomelo.Akka.Protocol;

namespace Pomelo.Akka.Internal;

/// <summary>Serialises an envelope once and publishes it on a connection.</summary>
internal static class EnvelopeSender
{
    public static ValueTask<bool> SendRequestAsync(this MqttConnection connection, AdminMessageWriter writer, string topic, long reqId, string moduleId, object? body, CancellationToken cancellationToken = default)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        writer.WriteRequest(buffer, reqId, moduleId, body);
        return connection.PublishAsync(topic, buffer.WrittenMemory, cancellationToken);
    }

    public static ValueTask<bool> SendNotifyAsync(this MqttConnection connection, AdminMessageWriter writer, string topic, string moduleId, object? body, CancellationToken cancellationToken = default)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        writer.WriteNotify(buffer, moduleId, body);
        return connection.PublishAsync(topic, buffer.WrittenMemory, cancellationToken);
    }

    public static ValueTask<bool> SendResponseAsync(this MqttConnection connection, AdminMessageWriter writer, string topic, long respId, object? error, object? body, CancellationToken cancellationToken = default)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        writer.WriteResponse(buffer, respId, error, body);
        return connection.PublishAsync(topic, buffer.WrittenMemory, cancellationToken);
    }

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
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        writer.WriteCommand(buffer, reqId, command, moduleId, body);
        return connection.PublishAsync(topic, buffer.WrittenMemory, cancellationToken);
    }

    public static ValueTask<bool> SendRegisterAsync(this MqttConnection connection, AdminMessageWriter writer, string topic, RegisterRequest request, CancellationToken cancellationToken = default)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        writer.WriteRegister(buffer, request);
        return connection.PublishAsync(topic, buffer.WrittenMemory, cancellationToken);
    }

    public static ValueTask<bool> SendRegisterReplyAsync(this MqttConnection connection, string topic, RegisterReply reply, CancellationToken cancellationToken = default)
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        AdminMessageWriter.WriteRegisterReply(buffer, reply);
        return connection.PublishAsync(topic, buffer.WrittenMemory, cancellationToken);
    }
}
