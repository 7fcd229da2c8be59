namespace Pomelo.Akka.Internal;

/// <summary>Reads a reply's body from its UTF-8 JSON, valid only during the call (see <see cref="PendingRequestTable"/>).</summary>
/// <param name="body">The body's UTF-8 JSON.</param>
internal delegate void RawBodyReader(ReadOnlySpan<byte> body);
