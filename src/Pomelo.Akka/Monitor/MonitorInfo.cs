using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Pomelo.Akka.Monitor;

/// <summary>Builds the <c>info</c> object a monitor registers with: id, serverType, host, port, pid and the extra fields.</summary>
internal static class MonitorInfo
{
    public static JsonElement Build(MonitorOptions options)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("id", options.Id);
            w.WriteString("serverType", options.ServerType);
            if (options.Host is not null)
            {
                w.WriteString("host", options.Host);
            }

            if (options.Port is { } port)
            {
                w.WriteNumber("port", port);
            }

            w.WriteNumber("pid", Environment.ProcessId);
            w.WriteNumber("protocolVersion", PomeloAkkaAssembly.ProtocolVersion);
            w.WriteNumber("heartbeatMs", (long)options.HeartbeatInterval.TotalMilliseconds);
            foreach (var (key, value) in options.Info)
            {
                if (key is "id" or "serverType" or "host" or "port" or "pid" or "protocolVersion" or "heartbeatMs")
                {
                    continue;
                }

                w.WritePropertyName(key);
                WriteScalar(w, value);
            }

            w.WriteEndObject();
        }

        return JsonElement.Parse(buffer.WrittenSpan);
    }

    private static void WriteScalar(Utf8JsonWriter w, string? value)
    {
        if (value is null)
        {
            w.WriteNullValue();
        }
        else if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
        {
            w.WriteNumberValue(n);
        }
        else if (bool.TryParse(value, out var b))
        {
            w.WriteBooleanValue(b);
        }
        else
        {
            w.WriteStringValue(value);
        }
    }
}
