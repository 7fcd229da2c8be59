using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pomelo.Akka.Protocol;

/// <summary>
/// A JSON value already serialised (the watchdog's cached server map): written as it is, so a reply shared by many
/// subscribers costs a copy, not a serialisation. A large one is not even copied into the envelope: the connection
/// writes the envelope around it straight to the socket (see <see cref="Internal.EnvelopeSender"/>).
/// </summary>
[JsonConverter(typeof(RawJsonConverter))]
internal sealed class RawJson(ReadOnlyMemory<byte> utf8)
{
    /// <summary>Gets the UTF-8 JSON text.</summary>
    public ReadOnlyMemory<byte> Utf8 { get; } = utf8;

    /// <summary>Writes <see cref="RawJson"/> without re-validating it; reading one back is not supported.</summary>
    private sealed class RawJsonConverter : JsonConverter<RawJson>
    {
        public override RawJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            => throw new NotSupportedException("RawJson is write-only.");

        public override void Write(Utf8JsonWriter writer, RawJson value, JsonSerializerOptions options)
            => writer.WriteRawValue(value.Utf8.Span, skipInputValidation: true);
    }
}
