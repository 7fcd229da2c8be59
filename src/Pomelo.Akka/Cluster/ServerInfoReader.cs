using System.Text.Json;

namespace Pomelo.Akka.Cluster;

/// <summary>
/// Reads a server info object (<c>{id, serverType, host, port, incarnation, ...}</c>) from its UTF-8 JSON in one pass,
/// without a document: the fields a map needs become the entry's properties, the bytes its info.
/// </summary>
internal static class ServerInfoReader
{
    /// <summary>The buffer length callers should offer <see cref="TryFindId"/> and <see cref="CopyText"/>: the longest id looked up without allocating.</summary>
    public const int IdBufferLength = 256;

    /// <summary>Reads an entry.</summary>
    /// <param name="info">The info's UTF-8 JSON (a valid value).</param>
    /// <param name="fallbackId">The id when the info has none.</param>
    /// <param name="intern">Gives the one string for a server type or host text, or null to allocate each.</param>
    /// <returns>The entry (its info a copy of <paramref name="info"/>), or null when the info is not an object or has no id.</returns>
    public static ServerEntry? Read(ReadOnlySpan<byte> info, string? fallbackId, Func<string, string>? intern)
    {
        if (ReadFields(info, intern) is not { } fields)
        {
            return null;
        }

        var id = fields.Id ?? fallbackId;
        return string.IsNullOrEmpty(id) ? null : new ServerEntry(id, fields.ServerType ?? string.Empty, fields.Host, fields.Port, fields.Incarnation, info.ToArray());
    }

    /// <summary>Reads the fields a server info's readers need (the first id; the last of the others, as a JSON object's reader would).</summary>
    /// <param name="info">The info's UTF-8 JSON (a valid value).</param>
    /// <param name="intern">Gives the one string for a server type or host text, or null to allocate each.</param>
    /// <returns>The fields (null when absent or not of the expected kind), or null when the info is not an object.</returns>
    public static ServerInfoFields? ReadFields(ReadOnlySpan<byte> info, Func<string, string>? intern)
    {
        var reader = new Utf8JsonReader(info);
        if (info.IsEmpty || !reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        string? id = null;
        string? serverType = null;
        string? host = null;
        int? port = null;
        long incarnation = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                var text = Text(ref reader);
                id ??= text;
            }
            else if (reader.ValueTextEquals("serverType"u8))
            {
                reader.Read();
                serverType = Intern(Text(ref reader), intern);
            }
            else if (reader.ValueTextEquals("host"u8))
            {
                reader.Read();
                host = Intern(Text(ref reader), intern);
            }
            else if (reader.ValueTextEquals("port"u8))
            {
                reader.Read();
                port = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var p) ? p : null;
                reader.Skip();
            }
            else if (reader.ValueTextEquals("incarnation"u8))
            {
                reader.Read();
                incarnation = reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var i) ? i : 0;
                reader.Skip();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return new ServerInfoFields(id, serverType, host, port, incarnation);
    }

    /// <summary>
    /// Finds the info's id and decodes it into <paramref name="buffer"/> (or a new array when it does not fit), without
    /// allocating a string: enough to look an entry up.
    /// </summary>
    /// <param name="info">The info's UTF-8 JSON.</param>
    /// <param name="buffer">Room for the id's characters.</param>
    /// <param name="id">The id's characters; empty when the info has no string id.</param>
    /// <returns>False when the info is not an object.</returns>
    public static bool TryFindId(ReadOnlySpan<byte> info, Span<char> buffer, out ReadOnlySpan<char> id)
    {
        id = default;
        var reader = new Utf8JsonReader(info);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isId = reader.ValueTextEquals("id"u8);
            reader.Read();
            if (isId && reader.TokenType == JsonTokenType.String)
            {
                id = CopyText(ref reader, buffer);
                return true;
            }

            reader.Skip();
        }

        return true;
    }

    /// <summary>
    /// Decodes the string or property name <paramref name="reader"/> is on into <paramref name="buffer"/>, or into a new
    /// array when it does not fit.
    /// </summary>
    /// <param name="reader">A reader on a string or a property name.</param>
    /// <param name="buffer">Room for the characters.</param>
    /// <returns>The characters.</returns>
    public static ReadOnlySpan<char> CopyText(scoped ref Utf8JsonReader reader, Span<char> buffer)
    {
        // Unescaping never lengthens a string: the escaped length in bytes is enough room in chars.
        var room = reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length;
        var target = room <= buffer.Length ? buffer : new char[room];
        return target[..reader.CopyString(target)];
    }

    private static string? Intern(string? text, Func<string, string>? intern) => text is not null && intern is not null ? intern(text) : text;

    private static string? Text(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }

        reader.Skip();
        return null;
    }
}
