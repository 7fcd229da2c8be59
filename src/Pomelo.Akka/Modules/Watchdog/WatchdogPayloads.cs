using System.Buffers;
using System.Text.Json;
using Pomelo.Akka.Cluster;

namespace Pomelo.Akka.Modules.Watchdog;

/// <summary>
/// Serialises the master watchdog's messages once — bodies, and the complete <c>{moduleId, body}</c> notify envelope
/// for the monitors' <c>__monitorwatcher__</c> — so one broadcast sends the same bytes to every listener. Bodies are pomelo's:
/// addServer <c>{server}</c>, removeServer <c>{id}</c> (plus our incarnation), replaceServer <c>{servers}</c>, startOver.
/// </summary>
internal static class WatchdogPayloads
{
    /// <summary>Serialises a member's server info: its registered info with our id, serverType, incarnation and pid.</summary>
    /// <param name="member">The member.</param>
    /// <returns>The UTF-8 JSON object.</returns>
    public static byte[] Info(Member member)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();

            // The member's info is read from its bytes: every field but the four written below, as it came.
            ReadOnlySpan<byte> infoPid = default;
            var info = member.InfoUtf8;
            var reader = new Utf8JsonReader(info);
            if (!info.IsEmpty && reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var ours = reader.ValueTextEquals("id"u8) || reader.ValueTextEquals("serverType"u8) || reader.ValueTextEquals("incarnation"u8);
                    var isPid = !ours && reader.ValueTextEquals("pid"u8);
                    var escapedName = reader.ValueIsEscaped ? reader.GetString() : null;
                    var name = reader.ValueSpan;
                    reader.Read();
                    var start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    var value = info[start..(int)reader.BytesConsumed];
                    if (isPid)
                    {
                        infoPid = value;
                    }
                    else if (!ours)
                    {
                        if (escapedName is not null)
                        {
                            w.WritePropertyName(escapedName);
                        }
                        else
                        {
                            w.WritePropertyName(name);
                        }

                        w.WriteRawValue(value, skipInputValidation: true);
                    }
                }
            }

            w.WriteString("id", member.Id);
            w.WriteString("serverType", member.ServerType);
            w.WriteNumber("incarnation", member.Incarnation);
            if (member.Pid is { } pid)
            {
                w.WriteNumber("pid", pid);
            }
            else if (!infoPid.IsEmpty)
            {
                w.WritePropertyName("pid");
                w.WriteRawValue(infoPid, skipInputValidation: true);
            }

            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Serialises a server map <c>{id: info, ...}</c> from serialised infos.</summary>
    /// <param name="servers">The servers by id.</param>
    /// <returns>The UTF-8 JSON object.</returns>
    public static byte[] Map(IReadOnlyCollection<KeyValuePair<string, byte[]>> servers)
    {
        var size = 2;
        foreach (var (id, info) in servers)
        {
            size += info.Length + id.Length + 8;
        }

        var buffer = new ArrayBufferWriter<byte>(size + 64);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            foreach (var (id, info) in servers)
            {
                w.WritePropertyName(id);
                w.WriteRawValue(info, skipInputValidation: true);
            }

            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The addServer body.</summary>
    /// <param name="info">The server's serialised info.</param>
    /// <returns>The body.</returns>
    public static byte[] AddServer(byte[] info) => Body(WatchdogActions.AddServer, static (w, info) =>
    {
        w.WritePropertyName("server");
        w.WriteRawValue(info, skipInputValidation: true);
    }, info);

    /// <summary>The removeServer body.</summary>
    /// <param name="id">The server removed.</param>
    /// <param name="incarnation">Its incarnation, so a stale remove never drops a newer one.</param>
    /// <returns>The body.</returns>
    public static byte[] RemoveServer(string id, long incarnation) => Body(WatchdogActions.RemoveServer, static (w, s) =>
    {
        w.WriteString("id", s.id);
        w.WriteNumber("incarnation", s.incarnation);
    }, (id, incarnation));

    /// <summary>The replaceServer body.</summary>
    /// <param name="map">The serialised full map.</param>
    /// <returns>The body.</returns>
    public static byte[] ReplaceServer(byte[] map) => Body(WatchdogActions.ReplaceServer, static (w, map) =>
    {
        w.WritePropertyName("servers");
        w.WriteRawValue(map, skipInputValidation: true);
    }, map);

    /// <summary>The startOver body.</summary>
    /// <returns>The body.</returns>
    public static byte[] StartOver() => Body(WatchdogActions.StartOver, static (_, _) => { }, 0);

    /// <summary>Wraps a body in the notify envelope <c>{moduleId: "__monitorwatcher__", body}</c>.</summary>
    /// <param name="body">The serialised body.</param>
    /// <returns>The envelope.</returns>
    public static byte[] Notify(byte[] body)
    {
        var buffer = new ArrayBufferWriter<byte>(body.Length + 64);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("moduleId", MonitorWatcher.Id);
            w.WritePropertyName("body");
            w.WriteRawValue(body, skipInputValidation: true);
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static byte[] Body<TState>(string action, Action<Utf8JsonWriter, TState> writeFields, TState state)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("action", action);
            writeFields(w, state);
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
