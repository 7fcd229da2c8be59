namespace Pomelo.Akka.Cluster;

/// <summary>A change of cluster membership, published on the master's event stream.</summary>
/// <param name="Member">The member after the change.</param>
public abstract record MemberEvent(Member Member);

/// <summary>A server registered for the first time (or again after it was removed).</summary>
/// <param name="Member">The member, <see cref="MemberStatus.Up"/>.</param>
public sealed record MemberUp(Member Member) : MemberEvent(Member);

/// <summary>A member's connection closed or its heartbeats stopped.</summary>
/// <param name="Member">The member, <see cref="MemberStatus.Unreachable"/>.</param>
public sealed record MemberUnreachable(Member Member) : MemberEvent(Member);

/// <summary>An unreachable member came back within the removal margin: heartbeats resumed, or it reconnected (then with a new incarnation).</summary>
/// <param name="Member">The member, <see cref="MemberStatus.Up"/>.</param>
/// <param name="Reconnected">True when it came back on a new connection (a new incarnation): pomelo's reconnect.</param>
public sealed record MemberReachable(Member Member, bool Reconnected) : MemberEvent(Member);

/// <summary>A member left cleanly or stayed unreachable past the removal margin.</summary>
/// <param name="Member">The member, <see cref="MemberStatus.Removed"/>.</param>
/// <param name="PreviousStatus"><see cref="MemberStatus.Leaving"/> for a clean stop, <see cref="MemberStatus.Unreachable"/> otherwise.</param>
public sealed record MemberRemoved(Member Member, MemberStatus PreviousStatus) : MemberEvent(Member);
