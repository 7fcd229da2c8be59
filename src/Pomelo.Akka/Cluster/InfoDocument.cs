using System.Text.Json;

namespace Pomelo.Akka.Cluster;

/// <summary>
/// A server info kept as UTF-8 (by a map entry or a member) parsed into a document the first time someone reads it,
/// then kept: the document is never disposed, since callers may keep the element as long as its owner lives.
/// </summary>
internal static class InfoDocument
{
    /// <summary>Gets the info's element, parsing <paramref name="utf8"/> into <paramref name="document"/> the first time.</summary>
    /// <param name="utf8">The info's UTF-8 JSON.</param>
    /// <param name="document">The owner's field for the parsed document; set once, by whichever reader parses first.</param>
    /// <returns>The info.</returns>
    public static JsonElement Get(byte[] utf8, ref JsonDocument? document)
    {
        if (Volatile.Read(ref document) is { } parsed)
        {
            return parsed.RootElement;
        }

        var fresh = JsonDocument.Parse(utf8);
        return (Interlocked.CompareExchange(ref document, fresh, null) ?? fresh).RootElement;
    }
}
