using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;

namespace Pomelo.Akka.Protocol;

/// <summary>
/// Parses PUBLISH payloads into typed envelopes. pomelo sends requests, responses and commands as a JSON string whose
/// content is the JSON object, and notifies and registrations as plain JSON; both forms are accepted everywhere.
/// </summary>
public static class AdminMessageReader
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 64 };

    /// <summary>Reads a <c>monitor</c> or <c>client</c> topic message.</summary>
    /// <param name="payload">The PUBLISH payload.</param>
    /// <param name="message">The parsed message.</param>
    /// <param name="error">Why the payload is not a valid message.</param>
    /// <returns>True when <paramref name="message"/> was parsed.</returns>
    public static bool TryReadMessage(ReadOnlySpan<byte> payload, [NotNullWhen(true)] out AdminMessage? message, [NotNullWhen(false)] out string? error)
    {
        message = null;
        if (!TryReadFields(payload, out var f, out error))
        {
            return false;
        }

        if (f.RespId is { } respId && respId != 0)
        {
            message = new ResponseMessage(respId, f.Error, f.Body);
        }
        else if (!string.IsNullOrEmpty(f.Command))
        {
            message = new CommandMessage(f.ReqId is 0 ? null : f.ReqId, f.Command, f.ModuleId, f.Body);
        }
        else if (string.IsNullOrEmpty(f.ModuleId))
        {
            error = "message has no moduleId, respId or command";
            return false;
        }
        else if (f.ReqId is { } reqId && reqId != 0)
        {
            message = new RequestMessage(reqId, f.ModuleId, f.Body);
        }
        else
        {
            message = new NotifyMessage(f.ModuleId, f.Body);
        }

        return true;
    }

    /// <summary>Reads a <c>register</c> or <c>reconnect</c> body.</summary>
    /// <param name="payload">The PUBLISH payload.</param>
    /// <param name="request">The parsed registration.</param>
    /// <param name="error">Why the payload is not a valid registration.</param>
    /// <returns>True when <paramref name="request"/> was parsed.</returns>
    public static bool TryReadRegister(ReadOnlySpan<byte> payload, [NotNullWhen(true)] out RegisterRequest? request, [NotNullWhen(false)] out string? error)
    {
        request = null;
        if (!TryReadFields(payload, out var f, out error))
        {
            return false;
        }

        request = new RegisterRequest(f.Type, f.Id, f.ServerType, f.Pid, f.Info, f.Token, f.Username, f.Password, f.Md5);
        return true;
    }

    /// <summary>Reads the master's <c>{code, msg}</c> reply to a register or reconnect.</summary>
    /// <param name="payload">The PUBLISH payload.</param>
    /// <param name="reply">The parsed reply.</param>
    /// <param name="error">Why the payload is not a valid reply.</param>
    /// <returns>True when <paramref name="reply"/> was parsed.</returns>
    public static bool TryReadRegisterReply(ReadOnlySpan<byte> payload, [NotNullWhen(true)] out RegisterReply? reply, [NotNullWhen(false)] out string? error)
    {
        reply = null;
        if (!TryReadFields(payload, out var f, out error))
        {
            return false;
        }

        if (f.Code is not { } code)
        {
            error = "register reply has no numeric code";
            return false;
        }

        reply = new RegisterReply((int)code, f.Msg);
        return true;
    }

    private static bool TryReadFields(ReadOnlySpan<byte> payload, out EnvelopeFields fields, [NotNullWhen(false)] out string? error)
    {
        fields = default;
        try
        {
            var json = payload;
            var first = FirstNonWhitespace(payload);
            if (first == (byte)'"')
            {
                var inner = new Utf8JsonReader(payload, ReaderOptions);
                inner.Read();
                var text = inner.GetString() ?? string.Empty;
                if (inner.Read())
                {
                    error = "trailing data after the JSON string";
                    return false;
                }

                json = Encoding.UTF8.GetBytes(text);
            }

            var reader = new Utf8JsonReader(json, ReaderOptions);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                error = "payload is not a JSON object";
                return false;
            }

            fields = EnvelopeFields.Read(ref reader);
            if (reader.Read())
            {
                error = "trailing data after the JSON object";
                return false;
            }

            error = null;
            return true;
        }
        catch (JsonException ex)
        {
            error = "invalid JSON: " + ex.Message;
            return false;
        }
        catch (InvalidOperationException ex)
        {
            error = "invalid JSON value: " + ex.Message;
            return false;
        }
    }

    private static byte FirstNonWhitespace(ReadOnlySpan<byte> span)
    {
        foreach (var b in span)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return b;
            }
        }

        return 0;
    }
}
