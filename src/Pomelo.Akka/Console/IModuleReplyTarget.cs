namespace Pomelo.Akka.Console;

/// <summary>
/// Where a module actor sends the reply to a request that came over a connection: called once per request, on the
/// actor's thread, right after the handler — so a handler that completes synchronously costs no thread hop.
/// Implementations must not throw and must not block.
/// </summary>
internal interface IModuleReplyTarget
{
    /// <summary>Sends the reply to request <paramref name="reqId"/>: <paramref name="error"/>'s message, or <paramref name="body"/>.</summary>
    /// <param name="reqId">The request id to answer.</param>
    /// <param name="body">The handler's result (when <paramref name="error"/> is null).</param>
    /// <param name="error">Why the request failed, or null.</param>
    void Reply(long reqId, object? body, Exception? error);
}
