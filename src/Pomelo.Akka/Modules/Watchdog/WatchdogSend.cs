namespace Pomelo.Akka.Modules.Watchdog;

/// <summary>
/// What one listener must be sent, in order: complete notify envelopes, then the last change — as a notify too, or as
/// a request whose reply tells that the listener has applied everything before it (pomelo's watchdog sends every
/// change as a request, so pomelo monitors answer it).
/// </summary>
/// <param name="ServerId">The listener.</param>
/// <param name="Notifies">The notify envelopes before the last change.</param>
/// <param name="Last">The body of the last change.</param>
/// <param name="LastNotify">The notify envelope of the last change.</param>
internal readonly record struct WatchdogSend(string ServerId, IReadOnlyList<ReadOnlyMemory<byte>> Notifies, ReadOnlyMemory<byte> Last, ReadOnlyMemory<byte> LastNotify)
{
    /// <summary>Gets the number of changes sent.</summary>
    public int Count => Notifies.Count + 1;
}
