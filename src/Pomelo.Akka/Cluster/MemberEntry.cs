namespace Pomelo.Akka.Cluster;

/// <summary>
/// The master's mutable bookkeeping of one member, changed under the membership lock; heartbeats read
/// <see cref="Member"/> (a reference, replaced whole) and feed <see cref="Detector"/> (thread-safe) without it.
/// </summary>
internal sealed class MemberEntry(Member member, PhiAccrualFailureDetector detector, Func<ValueTask> close)
{
    public Member Member { get; set; } = member;

    public PhiAccrualFailureDetector Detector { get; } = detector;

    /// <summary>Gets or sets whether its connection is open.</summary>
    public bool Connected { get; set; } = true;

    /// <summary>Gets or sets the timestamp it became unreachable.</summary>
    public long UnreachableAt { get; set; }

    /// <summary>Gets the action that closes its connection (used when it is removed while its socket is still open).</summary>
    public Func<ValueTask> Close { get; } = close;
}
