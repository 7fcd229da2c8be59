using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pomelo.Akka.Protocol;

/// <summary>
/// Serialises envelopes as plain JSON objects (pomelo peers accept both forms). Bodies may be any value
/// <see cref="JsonSerializer"/> can write; <see cref="JsonElement"/> and <see cref="JsonNode"/> are written as they are.
/// </summary>
public sealed class AdminMessageWriter
{
    private readonly JsonSerializerOptions _options;

    /// <summary>Initializes a writer that serialises bodies with <paramref name="options"/>.</summary>
    /// <param name="options">Serializer options; <see cref="JsonSerializerOptions.Web"/> when null.</param>
    public AdminMessageWriter(JsonSerializerOptions? options = null)
    {
        _options = options ?? JsonSerializerOptions.Web;
    }

    /// <summary>Gets the serializer options used for bodies.</summary>
    public JsonSerializerOptions SerializerOptions => _options;

    /// <summary>Writes <c>{reqId, moduleId, body}</c>.</summary>
    /// <param name="output">Where the UTF-8 JSON goes.</param>
    /// <param name="reqId">The request id.</param>
    /// <param name="moduleId">The target module.</param>
    /// <param name="body">The body.</param>
    public void WriteRequest(IBufferWriter<byte> output, long reqId, string moduleId, object? body)
    {
        using var w = new Utf8JsonWriter(output);
        WriteRequest(w, reqId, moduleId, body);
    }

    /// <summary>Writes <c>{reqId, moduleId, body}</c>.</summary>
    /// <param name="w">The JSON writer; the caller flushes it.</param>
    /// <param name="reqId">The request id.</param>
    /// <param name="moduleId">The target module.</param>
    /// <param name="body">The body.</param>
    internal void WriteRequest(Utf8JsonWriter w, long reqId, string moduleId, object? body)
    {
        WriteRequestHead(w, reqId, moduleId);
        WriteValue(w, body);
        w.WriteEndObject();
    }

    /// <summary>Writes a request envelope up to its body's value: <c>{reqId, moduleId, "body":</c>; <see cref="EnvelopeTail"/> closes it.</summary>
    /// <param name="w">The JSON writer; the caller flushes it.</param>
    /// <param name="reqId">The request id.</param>
    /// <param name="moduleId">The target module.</param>
    internal static void WriteRequestHead(Utf8JsonWriter w, long reqId, string moduleId)
    {
        w.WriteStartObject();
        w.WriteNumber("reqId", reqId);
        w.WriteString("moduleId", moduleId);
        w.WritePropertyName("body");
    }

    /// <summary>Writes <c>{moduleId, body}</c>.</summary>
    /// <param name="output">Where the UTF-8 JSON goes.</param>
    /// <param name="moduleId">The target module.</param>
    /// <param name="body">The body.</param>
    public void WriteNotify(IBufferWriter<byte> output, string moduleId, object? body)
    {
        using var w = new Utf8JsonWriter(output);
        WriteNotify(w, moduleId, body);
    }

    /// <summary>Writes <c>{moduleId, body}</c>.</summary>
    /// <param name="w">The JSON writer; the caller flushes it.</param>
    /// <param name="moduleId">The target module.</param>
    /// <param name="body">The body.</param>
    internal void WriteNotify(Utf8JsonWriter w, string moduleId, object? body)
    {
        w.WriteStartObject();
        w.WriteString("moduleId", moduleId);
        w.WritePropertyName("body");
        WriteValue(w, body);
        w.WriteEndObject();
    }

    /// <summary>Writes <c>{respId, error, body}</c>.</summary>
    /// <param name="output">Where the UTF-8 JSON goes.</param>
    /// <param name="respId">The request id answered.</param>
    /// <param name="error">The error value, or null on success.</param>
    /// <param name="body">The reply body.</param>
    public void WriteResponse(IBufferWriter<byte> output, long respId, object? error, object? body)
    {
        using var w = new Utf8JsonWriter(output);
        WriteResponse(w, respId, error, body);
    }

    /// <summary>Writes <c>{respId, error, body}</c>.</summary>
    /// <param name="w">The JSON writer; the caller flushes it.</param>
    /// <param name="respId">The request id answered.</param>
    /// <param name="error">The error value, or null on success.</param>
    /// <param name="body">The reply body.</param>
    internal void WriteResponse(Utf8JsonWriter w, long respId, object? error, object? body)
    {
        WriteResponseHead(w, respId, error);
        WriteValue(w, body);
        w.WriteEndObject();
    }

    /// <summary>Writes a response envelope up to its body's value: <c>{respId, error, "body":</c>; <see cref="EnvelopeTail"/> closes it.</summary>
    /// <param name="w">The JSON writer; the caller flushes it.</param>
    /// <param name="respId">The request id answered.</param>
    /// <param name="error">The error value, or null on success.</param>
    internal void WriteResponseHead(Utf8JsonWriter w, long respId, object? error)
    {
        w.WriteStartObject();
        w.WriteNumber("respId", respId);
        w.WritePropertyName("error");
        WriteValue(w, error);
        w.WritePropertyName("body");
    }

    /// <summary>Writes <c>{reqId?, command, moduleId, body}</c>.</summary>
    /// <param name="output">Where the UTF-8 JSON goes.</param>
    /// <param name="reqId">The request id, or null for a one-way command.</param>
    /// <param name="command">The command name.</param>
    /// <param name="moduleId">The module the command is about.</param>
    /// <param name="body">Extra arguments.</param>
    public void WriteCommand(IBufferWriter<byte> output, long? reqId, string command, string? moduleId, object? body)
    {
        using var w = new Utf8JsonWriter(output);
        WriteCommand(w, reqId, command, moduleId, body);
    }

    /// <summary>Writes <c>{reqId?, command, moduleId, body}</c>.</summary>
    /// <param name="w">The JSON writer; the caller flushes it.</param>
    /// <param name="reqId">The request id, or null for a one-way command.</param>
    /// <param name="command">The command name.</param>
    /// <param name="moduleId">The module the command is about.</param>
    /// <param name="body">Extra arguments.</param>
    internal void WriteCommand(Utf8JsonWriter w, long? reqId, string command, string? moduleId, object? body)
    {
        w.WriteStartObject();
        if (reqId is { } id)
        {
            w.WriteNumber("reqId", id);
        }

        w.WriteString("command", command);
        w.WriteString("moduleId", moduleId);
        w.WritePropertyName("body");
        WriteValue(w, body);
        w.WriteEndObject();
    }

    /// <summary>Writes a <c>register</c> or <c>reconnect</c> body.</summary>
    /// <param name="output">Where the UTF-8 JSON goes.</param>
    /// <param name="request">The registration.</param>
    public void WriteRegister(IBufferWriter<byte> output, RegisterRequest request)
    {
        using var w = new Utf8JsonWriter(output);
        WriteRegister(w, request);
    }

    /// <summary>Writes a <c>register</c> or <c>reconnect</c> body.</summary>
    /// <param name="w">The JSON writer; the caller flushes it.</param>
    /// <param name="request">The registration.</param>
    internal void WriteRegister(Utf8JsonWriter w, RegisterRequest request)
    {
        w.WriteStartObject();
        w.WriteString("type", request.Type);
        w.WriteString("id", request.Id);
        if (request.Type == RegisterRequest.ClientType)
        {
            w.WriteString("username", request.Username);
            w.WriteString("password", request.Password);
            w.WriteBoolean("md5", request.Md5);
        }
        else
        {
            w.WriteString("serverType", request.ServerType);
            if (request.Pid is { } pid)
            {
                w.WriteNumber("pid", pid);
            }

            w.WritePropertyName("info");
            WriteValue(w, request.Info);
            if (request.Token is not null)
            {
                w.WriteString("token", request.Token);
            }
        }

        w.WriteEndObject();
    }

    /// <summary>Writes <c>{code, msg}</c>.</summary>
    /// <param name="output">Where the UTF-8 JSON goes.</param>
    /// <param name="reply">The reply.</param>
    public static void WriteRegisterReply(IBufferWriter<byte> output, RegisterReply reply)
    {
        using var w = new Utf8JsonWriter(output);
        WriteRegisterReply(w, reply);
    }

    /// <summary>Writes <c>{code, msg}</c>.</summary>
    /// <param name="w">The JSON writer; the caller flushes it.</param>
    /// <param name="reply">The reply.</param>
    internal static void WriteRegisterReply(Utf8JsonWriter w, RegisterReply reply)
    {
        w.WriteStartObject();
        w.WriteNumber("code", reply.Code);
        w.WriteString("msg", reply.Msg);
        w.WriteEndObject();
    }

    /// <summary>Gets what follows a body written after <see cref="WriteRequestHead"/> or <see cref="WriteResponseHead"/>.</summary>
    internal static ReadOnlyMemory<byte> EnvelopeTail { get; } = "}"u8.ToArray();

    private void WriteValue(Utf8JsonWriter w, object? value)
    {
        switch (value)
        {
            case null:
                w.WriteNullValue();
                break;
            case JsonElement e:
                e.WriteTo(w);
                break;
            case JsonNode n:
                n.WriteTo(w, _options);
                break;
            case string s:
                w.WriteStringValue(s);
                break;
            default:
                JsonSerializer.Serialize(w, value, value.GetType(), _options);
                break;
        }
    }
}
