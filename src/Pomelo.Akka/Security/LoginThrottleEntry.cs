using System.Net;

namespace Pomelo.Akka.Security;

/// <summary>The mutable failure count of one address inside <see cref="LoginThrottle"/>; guarded by its lock.</summary>
internal sealed class LoginThrottleEntry(IPAddress key)
{
    /// <summary>The normalised address this entry counts for.</summary>
    public IPAddress Key { get; } = key;

    /// <summary>Failures counted in the current window.</summary>
    public int Failures { get; set; }

    /// <summary>When the current counting window started (the first failure in it).</summary>
    public DateTimeOffset WindowStart { get; set; }

    /// <summary>When the lockout ends, or <see cref="DateTimeOffset.MinValue"/> if the address was never locked.</summary>
    public DateTimeOffset LockedUntil { get; set; } = DateTimeOffset.MinValue;

    /// <summary>Whether the entry no longer matters: no lockout in force and no failures in a live window.</summary>
    public bool IsExpired(DateTimeOffset now, TimeSpan window) =>
        LockedUntil <= now && (Failures == 0 || now - WindowStart >= window);
}
