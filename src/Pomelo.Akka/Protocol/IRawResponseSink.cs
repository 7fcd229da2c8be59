namespace Pomelo.Akka.Protocol;

/// <summary>
/// Takes the body of a response as its UTF-8 JSON, straight from the read buffer, when the request asked for it that
/// way: a large reply (a whole server map) is then read by its requester in one pass instead of being copied into a
/// document first. Called on the connection's read loop; the span is valid only during the call.
/// </summary>
internal interface IRawResponseSink
{
    /// <summary>Gets whether the request <paramref name="respId"/> answers takes its body raw.</summary>
    /// <param name="respId">The response's id.</param>
    /// <returns>True to have <see cref="TakeRaw"/> called instead of a document being built.</returns>
    bool WantsRaw(long respId);

    /// <summary>Hands over the body of response <paramref name="respId"/>.</summary>
    /// <param name="respId">The response's id.</param>
    /// <param name="body">The body's UTF-8 JSON (a checked JSON value), valid during the call only.</param>
    void TakeRaw(long respId, ReadOnlySpan<byte> body);
}
