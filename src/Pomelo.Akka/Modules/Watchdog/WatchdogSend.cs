namespace Pomelo.Akka.Modules.Watchdog;

/// <summary>
/// What one listener must be sent, in order: complete notify envelopes, then one last body sent as a request, whose
/// reply tells that the listener has applied the batch (pomelo's watchdog sends every change as a request).
/// </summary>
/// <param name="ServerId">The listener.</param>
/// <param name="Notifies">The notify envelopes before the last change.</param>
/// <param name="Last">The body of the last change.</param>
internal readonly record struct WatchdogSend(string ServerId, IReadOnlyList<ReadOnlyMemory<byte>> Notifies, ReadOnlyMemory<byte> Last)
{
    /// <summary>Gets the number of changes sent.</summary>
    public int Count => Notifies.Count + 1;
}
