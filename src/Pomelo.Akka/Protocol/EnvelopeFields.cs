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

    public static EnvelopeFields Read(ref Utf8JsonReader reader)
    {
        var f = default(EnvelopeFields);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "reqId": f.ReqId = ReadId(ref reader); break;
                case "respId": f.RespId = ReadId(ref reader); break;
                case "moduleId": f.ModuleId = ReadText(ref reader); break;
                case "command": f.Command = ReadText(ref reader); break;
                case "body": f.Body = ReadElement(ref reader); break;
                case "error": f.Error = ReadNonNullElement(ref reader); break;
                case "type": f.Type = ReadText(ref reader); break;
                case "id": f.Id = ReadText(ref reader); break;
                case "serverType": f.ServerType = ReadText(ref reader); break;
                case "pid": f.Pid = ReadId(ref reader); break;
                case "info": f.Info = ReadNonNullElement(ref reader); break;
                case "token": f.Token = ReadText(ref reader); break;
                case "username": f.Username = ReadText(ref reader); break;
                case "password": f.Password = ReadText(ref reader); break;
                case "md5": f.Md5 = reader.TokenType == JsonTokenType.True; reader.Skip(); break;
                case "code": f.Code = ReadId(ref reader); break;
                case "msg": f.Msg = ReadText(ref reader); break;
                default: reader.Skip(); break;
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject)
        {
            throw new JsonException("unterminated object");
        }

        return f;
    }

    private static JsonElement ReadElement(ref Utf8JsonReader reader) => JsonElement.ParseValue(ref reader);

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
}
