using System.Globalization;
using System.Text.Json;

namespace Pomelo.Akka.Protocol;

/// <summary>Every top-level field any admin envelope may carry, read in one pass.</summary>
internal struct EnvelopeFields
{
    public long? ReqId;
    public long? RespId;
    public string? ModuleId;
    public string? Command;
    public JsonElement? Body;

    /// <summary>The body's bytes, when the reader was asked to defer it (then <see cref="Body"/> stays null).</summary>
    public byte[]? DeferredBody;
    public JsonElement? Error;
    public string? Type;
    public string? Id;
    public string? ServerType;
    public long? Pid;
    public JsonElement? Info;
    public string? Token;
    public string? Username;
    public string? Password;
    public bool Md5;
    public long? Code;
    public string? Msg;

    /// <summary>Reads the fields of the object whose start <paramref name="reader"/> is on; element fields are copies.</summary>
    /// <param name="reader">A reader over <paramref name="json"/>, on the object's start.</param>
    /// <param name="json">The whole input of <paramref name="reader"/>.</param>
    /// <param name="deferBody">Whether the body is kept as a copy of its bytes (<see cref="DeferredBody"/>), checked but not parsed.</param>
    /// <param name="raw">
    /// Where the body of a response whose requester wants it raw goes, as its bytes (then <see cref="Body"/> stays null);
    /// it applies when <c>respId</c> comes before <c>body</c>, as pomelo and this library write it.
    /// </param>
    public static EnvelopeFields Read(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, bool deferBody, IRawResponseSink? raw = null)
    {
        var f = default(EnvelopeFields);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            // Names are matched on their UTF-8 bytes: no string per property (ValueTextEquals also unescapes).
            var field = Match(ref reader);
            reader.Read();
            switch (field)
            {
                case Field.ReqId: f.ReqId = ReadId(ref reader); break;
                case Field.RespId: f.RespId = ReadId(ref reader); break;
                case Field.ModuleId: f.ModuleId = ReadText(ref reader); break;
                case Field.Command: f.Command = ReadText(ref reader); break;
                case Field.Body when deferBody: f.DeferredBody = CopyValue(ref reader, json); break;
                case Field.Body when raw is not null && f.RespId is { } respId and not 0 && raw.WantsRaw(respId): raw.TakeRaw(respId, SkipValue(ref reader, json)); break;
                case Field.Body: f.Body = ReadElement(ref reader); break;
                case Field.Error: f.Error = ReadNonNullElement(ref reader); break;
                case Field.Type: f.Type = ReadText(ref reader); break;
                case Field.Id: f.Id = ReadText(ref reader); break;
                case Field.ServerType: f.ServerType = ReadText(ref reader); break;
                case Field.Pid: f.Pid = ReadId(ref reader); break;
                case Field.Info: f.Info = ReadNonNullElement(ref reader); break;
                case Field.Token: f.Token = ReadText(ref reader); break;
                case Field.Username: f.Username = ReadText(ref reader); break;
                case Field.Password: f.Password = ReadText(ref reader); break;
                case Field.Md5: f.Md5 = reader.TokenType == JsonTokenType.True; reader.Skip(); break;
                case Field.Code: f.Code = ReadId(ref reader); break;
                case Field.Msg: f.Msg = ReadText(ref reader); break;
                default: reader.Skip(); break;
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject)
        {
            throw new JsonException("unterminated object");
        }

        return f;
    }

    private static Field Match(ref Utf8JsonReader reader)
        => reader.ValueTextEquals("body"u8) ? Field.Body
            : reader.ValueTextEquals("moduleId"u8) ? Field.ModuleId
            : reader.ValueTextEquals("reqId"u8) ? Field.ReqId
            : reader.ValueTextEquals("respId"u8) ? Field.RespId
            : reader.ValueTextEquals("error"u8) ? Field.Error
            : reader.ValueTextEquals("command"u8) ? Field.Command
            : reader.ValueTextEquals("type"u8) ? Field.Type
            : reader.ValueTextEquals("id"u8) ? Field.Id
            : reader.ValueTextEquals("serverType"u8) ? Field.ServerType
            : reader.ValueTextEquals("pid"u8) ? Field.Pid
            : reader.ValueTextEquals("info"u8) ? Field.Info
            : reader.ValueTextEquals("token"u8) ? Field.Token
            : reader.ValueTextEquals("username"u8) ? Field.Username
            : reader.ValueTextEquals("password"u8) ? Field.Password
            : reader.ValueTextEquals("md5"u8) ? Field.Md5
            : reader.ValueTextEquals("code"u8) ? Field.Code
            : reader.ValueTextEquals("msg"u8) ? Field.Msg
            : Field.Other;

    /// <summary>
    /// A value as a <see cref="JsonElement"/> of its own document: <see cref="JsonElement.ParseValue"/> copies just the
    /// value's bytes (the rest of the payload may be a pipe buffer, reused once the next frame is read) into a document
    /// that is never disposed and lives as long as a handler keeps the element (null, true and false are documents
    /// System.Text.Json shares).
    /// </summary>
    private static JsonElement ReadElement(ref Utf8JsonReader reader) => JsonElement.ParseValue(ref reader);

    /// <summary>Skips the value <paramref name="reader"/> is on (which checks it) and copies its bytes out of <paramref name="json"/>.</summary>
    private static byte[] CopyValue(ref Utf8JsonReader reader, ReadOnlySpan<byte> json) => SkipValue(ref reader, json).ToArray();

    /// <summary>Skips the value <paramref name="reader"/> is on (which checks it) and returns its bytes in <paramref name="json"/>.</summary>
    private static ReadOnlySpan<byte> SkipValue(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        return json[start..(int)reader.BytesConsumed];
    }

    private static JsonElement? ReadNonNullElement(ref Utf8JsonReader reader)
        => reader.TokenType == JsonTokenType.Null ? null : JsonElement.ParseValue(ref reader);

    private static long? ReadId(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number when reader.TryGetInt64(out var n):
                return n;
            case JsonTokenType.Number:
                return (long)reader.GetDouble();
            case JsonTokenType.String when long.TryParse(reader.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s):
                return s;
            default:
                reader.Skip();
                return null;
        }
    }

    private static string? ReadText(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                return reader.TryGetInt64(out var n) ? n.ToString(CultureInfo.InvariantCulture) : reader.GetDouble().ToString(CultureInfo.InvariantCulture);
            default:
                reader.Skip();
                return null;
        }
    }

    private enum Field
    {
        Other,
        ReqId,
        RespId,
        ModuleId,
        Command,
        Body,
        Error,
        Type,
        Id,
        ServerType,
        Pid,
        Info,
        Token,
        Username,
        Password,
        Md5,
        Code,
        Msg,
    }
}
