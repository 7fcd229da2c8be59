namespace Pomelo.Akka.Cluster;

/// <summary>A cluster member's state as the master sees it.</summary>
public enum MemberStatus
{
    /// <summary>Registered and heartbeating.</summary>
    Up,

    /// <summary>Its connection closed or its heartbeats stopped; it may come back within the removal margin.</summary>
    Unreachable,

    /// <summary>Stopping cleanly (it sent DISCONNECT).</summary>
    Leaving,

    /// <summary>Gone: left cleanly, or unreachable for longer than the removal margin.</summary>
    Removed,
}
