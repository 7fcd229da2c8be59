namespace Pomelo.Akka.Modules.Watchdog;

/// <summary>What one listener must be sent: complete notify envelopes, in order.</summary>
/// <param name="ServerId">The listener.</param>
/// <param name="Payloads">The envelopes.</param>
internal readonly record struct WatchdogSend(string ServerId, IReadOnlyList<ReadOnlyMemory<byte>> Payloads);
