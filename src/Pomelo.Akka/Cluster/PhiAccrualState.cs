namespace Pomelo.Akka.Cluster;

/// <summary>
/// The immutable state of a <see cref="PhiAccrualFailureDetector"/>, swapped whole by compare-and-swap.
/// </summary>
/// <param name="History">The inter-arrival intervals seen so far.</param>
/// <param name="LastTimestamp">The <see cref="TimeProvider.GetTimestamp"/> of the last heartbeat, or null before the first.</param>
internal sealed record PhiAccrualState(HeartbeatHistory History, long? LastTimestamp);
