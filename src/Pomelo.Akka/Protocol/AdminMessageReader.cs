using System.Buffers;
using System.Diagnostics.CodeAnalysis;
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
        => TryReadMessage(payload, deferNotifyBody: false, out message, out error);

    /// <summary>Reads a <c>monitor</c> or <c>client</c> topic message, optionally leaving a notify's body unparsed.</summary>
    /// <param name="payload">The PUBLISH payload.</param>
    /// <param name="deferNotifyBody">
    /// Whether a notify comes back as a <see cref="DeferredNotifyMessage"/>, its body checked and copied but parsed only
    /// when its handler runs; other messages are parsed whole either way.
    /// </param>
    /// <param name="message">The parsed message.</param>
    /// <param name="error">Why the payload is not a valid message.</param>
    /// <returns>True when <paramref name="message"/> was parsed.</returns>
    internal static bool TryReadMessage(ReadOnlySpan<byte> payload, bool deferNotifyBody, [NotNullWhen(true)] out AdminMessage? message, [NotNullWhen(false)] out string? error)
        => TryReadMessage(payload, deferNotifyBody, null, out message, out error);

    /// <summary>
    /// Reads a <c>monitor</c> or <c>client</c> topic message; the body of a response whose requester wants it raw goes
    /// to <paramref name="raw"/> as its bytes (the message then carries no body).
    /// </summary>
    /// <param name="payload">The PUBLISH payload.</param>
    /// <param name="deferNotifyBody">Whether a notify's body is left unparsed (<see cref="DeferredNotifyMessage"/>).</param>
    /// <param name="raw">Where raw response bodies go; null to parse every body.</param>
    /// <param name="message">The parsed message.</param>
    /// <param name="error">Why the payload is not a valid message.</param>
    /// <returns>True when <paramref name="message"/> was parsed.</returns>
    internal static bool TryReadMessage(ReadOnlySpan<byte> payload, bool deferNotifyBody, IRawResponseSink? raw, [NotNullWhen(true)] out AdminMessage? message, [NotNullWhen(false)] out string? error)
    {
        message = null;
        if (!TryReadFields(payload, deferNotifyBody, raw, out var f, out error))
        {
            return false;
        }

        // A deferred body stays bytes only in a notify; any other message gets it parsed.
        var deferred = f.DeferredBody is { } bytes ? new DeferredJson(bytes) : null;
        if (f.RespId is { } respId && respId != 0)
        {
            message = new ResponseMessage(respId, f.Error, deferred?.Parse() ?? f.Body);
        }
        else if (!string.IsNullOrEmpty(f.Command))
        {
            message = new CommandMessage(f.ReqId is 0 ? null : f.ReqId, f.Command, f.ModuleId, deferred?.Parse() ?? f.Body);
        }
        else if (string.IsNullOrEmpty(f.ModuleId))
        {
            error = "message has no moduleId, respId or command";
            return false;
        }
        else if (f.ReqId is { } reqId && reqId != 0)
        {
            message = new RequestMessage(reqId, f.ModuleId, deferred?.Parse() ?? f.Body);
        }
        else
        {
            message = deferred is not null ? new DeferredNotifyMessage(f.ModuleId, deferred) : new NotifyMessage(f.ModuleId, f.Body);
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
        if (!TryReadFields(payload, deferBody: false, raw: null, out var f, out error))
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
        if (!TryReadFields(payload, deferBody: false, raw: null, out var f, out error))
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

    /// <summary>
    /// Reads the envelope's fields in one pass over <paramref name="payload"/>, which may be a connection's pipe buffer
    /// (reused once the next frame is read): nothing read keeps a reference to it — strings are decoded and the
    /// element fields (body, error, info) copy just their own bytes into documents of their own.
    /// </summary>
    private static bool TryReadFields(ReadOnlySpan<byte> payload, bool deferBody, IRawResponseSink? raw, out EnvelopeFields fields, [NotNullWhen(false)] out string? error)
    {
        fields = default;
        byte[]? unquoted = null;
        try
        {
            var json = payload;
            if (FirstNonWhitespace(payload) == (byte)'"')
            {
                if (!TryUnquote(payload, out unquoted, out var length, out error))
                {
                    return false;
                }

                json = unquoted.AsSpan(0, length);
            }

            var reader = new Utf8JsonReader(json, ReaderOptions);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                error = "payload is not a JSON object";
                return false;
            }

            fields = EnvelopeFields.Read(ref reader, json, deferBody, raw);
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
        catch (Exception ex) when (ex is InvalidOperationException or FormatException)
        {
            error = "invalid JSON value: " + ex.Message;
            return false;
        }
        finally
        {
            // Nothing read points into the unescaped copy (see above), so it goes back to the pool at once.
            if (unquoted is not null)
            {
                ArrayPool<byte>.Shared.Return(unquoted);
            }
        }
    }

    /// <summary>
    /// pomelo's JSON-string form: the payload is one JSON string whose content is the envelope's JSON, unescaped here
    /// into a buffer rented from <see cref="ArrayPool{T}.Shared"/> (the caller returns it).
    /// </summary>
    private static bool TryUnquote(ReadOnlySpan<byte> payload, [NotNullWhen(true)] out byte[]? json, out int length, [NotNullWhen(false)] out string? error)
    {
        json = null;
        length = 0;
        var reader = new Utf8JsonReader(payload, ReaderOptions);
        reader.Read();

        // Unescaping never lengthens a string: the escaped length is enough room.
        json = ArrayPool<byte>.Shared.Rent(reader.ValueSpan.Length);
        length = reader.CopyString(json);
        if (reader.Read())
        {
            error = "trailing data after the JSON string";
            return false;
        }

        error = null;
        return true;
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
