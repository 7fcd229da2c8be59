using System.Text.Json;

namespace Pomelo.Akka.Protocol;

/// <summary>
/// A JSON value already checked by the envelope's reader, kept as its own UTF-8 bytes until a handler needs it: the
/// master's read loop copies a notify's body and its module actor builds the <see cref="JsonElement"/>, so a
/// monitor's notify stream is parsed on two threads instead of one.
/// </summary>
internal sealed class DeferredJson(byte[] utf8)
{
    /// <summary>
    /// Parses the value into a document of its own over these bytes (no further copy). The document is never disposed:
    /// it lives as long as a handler keeps the element, as <see cref="JsonElement.ParseValue"/>'s documents do.
    /// </summary>
    /// <returns>The value.</returns>
    public JsonElement Parse() => JsonDocument.Parse(utf8).RootElement;
}
