using Pomelo.Akka.Protocol;

namespace Pomelo.Akka.Internal;

/// <summary>Serialises an envelope straight into the connection's scratch writer, under its write lock, and publishes it.</summary>
internal static class EnvelopeSender
{
    /// <summary>
    /// An already serialised (<see cref="RawJson"/>) body longer than this is not copied into the envelope's scratch
    /// buffer: the connection writes the envelope's head, the body and the tail one after the other. A 500-server map
    /// copied once per subscriber was ~100 MB of short-lived buffers in a registration storm of 500 monitors.
    /// </summary>
    internal const int SpliceAbove = 4096;

    public static ValueTask<bool> SendRequestAsync(this MqttConnection connection, AdminMessageWriter writer, string topic, long reqId, string moduleId, object? body, CancellationToken cancellationToken = default)
        => body is RawJson { Utf8.Length: > SpliceAbove } raw
            ? connection.PublishSplicedAsync(topic, (reqId, moduleId), static (w, a) => AdminMessageWriter.WriteRequestHead(w, a.reqId, a.moduleId), raw.Utf8, AdminMessageWriter.EnvelopeTail, cancellationToken)
            : connection.PublishAsync(topic, (writer, reqId, moduleId, body), static (w, a) => a.writer.WriteRequest(w, a.reqId, a.moduleId, a.body), cancellationToken);

    public static ValueTask<bool> SendNotifyAsync(this MqttConnection connection, AdminMessageWriter writer, string topic, string moduleId, object? body, CancellationToken cancellationToken = default)
        => connection.PublishAsync(topic, (writer, moduleId, body), static (w, a) => a.writer.WriteNotify(w, a.moduleId, a.body), cancellationToken);

    /// <summary>Sends one notify per body, in order, in one write and one flush.</summary>
    public static ValueTask<bool> SendNotifiesAsync(this MqttConnection connection, AdminMessageWriter writer, string topic, string moduleId, IReadOnlyList<object?> bodies, CancellationToken cancellationToken = default)
        => connection.PublishEachAsync(topic, bodies.Count, (writer, moduleId, bodies), static (w, a, i) => a.writer.WriteNotify(w, a.moduleId, a.bodies[i]), cancellationToken);

    public static ValueTask<bool> SendResponseAsync(this MqttConnection connection, AdminMessageWriter writer, string topic, long respId, object? error, object? body, CancellationToken cancellationToken = default)
        => body is RawJson { Utf8.Length: > SpliceAbove } raw
            ? connection.PublishSplicedAsync(topic, (writer, respId, error), static (w, a) => a.writer.WriteResponseHead(w, a.respId, a.error), raw.Utf8, AdminMessageWriter.EnvelopeTail, cancellationToken)
            : connection.PublishAsync(topic, (writer, respId, error, body), static (w, a) => a.writer.WriteResponse(w, a.respId, a.error, a.body), cancellationToken);

    /// <summary>
    /// Sends the reply to a request (its body, or its error's message) without waiting for the write lock or the flush;
    /// a body that cannot be serialised (found now or once the write lock is taken) is reported to
    /// <paramref name="onUnserialisable"/> and answered with an error instead.
    /// </summary>
    public static void SendReply(this MqttConnection connection, AdminMessageWriter writer, string topic, long reqId, object? body, Exception? error, Action<Exception, long> onUnserialisable)
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
            _ = CompleteReplyAsync(sending, connection, writer, topic, reqId, onUnserialisable);
        }
    }

    public static ValueTask<bool> SendCommandAsync(this MqttConnection connection, AdminMessageWriter writer, string topic, long? reqId, string command, string? moduleId, object? body, CancellationToken cancellationToken = default)
        => connection.PublishAsync(topic, (writer, reqId, command, moduleId, body), static (w, a) => a.writer.WriteCommand(w, a.reqId, a.command, a.moduleId, a.body), cancellationToken);

    public static ValueTask<bool> SendRegisterAsync(this MqttConnection connection, AdminMessageWriter writer, string topic, RegisterRequest request, CancellationToken cancellationToken = default)
        => connection.PublishAsync(topic, (writer, request), static (w, a) => a.writer.WriteRegister(w, a.request), cancellationToken);

    public static ValueTask<bool> SendRegisterReplyAsync(this MqttConnection connection, string topic, RegisterReply reply, CancellationToken cancellationToken = default)
        => connection.PublishAsync(topic, reply, static (w, r) => AdminMessageWriter.WriteRegisterReply(w, r), cancellationToken);

    private static async Task CompleteReplyAsync(ValueTask<bool> sending, MqttConnection connection, AdminMessageWriter writer, string topic, long reqId, Action<Exception, long> onUnserialisable)
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
