using System.Net;

namespace Pomelo.Akka.Security;

/// <summary>
/// Counts failed logins per remote address and locks an address out after too many. Thread-safe; time comes from
/// the injected <see cref="TimeProvider"/>.
/// </summary>
/// <remarks>
/// <para>
/// Failures are counted in a fixed window that starts at the first failure; when <see cref="Window"/> has passed
/// since then, the count starts again. Reaching <see cref="MaxFailures"/> locks the address for
/// <see cref="LockoutDuration"/>, measured from the failure that triggered it. Failures recorded during a lockout
/// are ignored: a lockout is never extended, so its cap is exactly <see cref="LockoutDuration"/>. When it ends the
/// address starts with a clean count.
/// </para>
/// <para>
/// IPv4-mapped IPv6 addresses count as their IPv4 address, and IPv6 addresses are grouped by their /64 prefix
/// (the smallest block a single host is usually given), so one host cannot dodge the limit by rotating addresses.
/// </para>
/// <para>
/// Memory is bounded: entries expire once their window or lockout is over, and at most <see cref="Capacity"/>
/// addresses are tracked; when full, expired entries are swept and then the least recently failed address is
/// evicted (which forgets its count, or ends its lockout early, under a flood of more addresses than the capacity).
/// </para>
/// </remarks>
public sealed class LoginThrottle
{
    /// <summary>The default number of tracked addresses: 10,000.</summary>
    public const int DefaultCapacity = 10_000;

    private readonly object _gate = new();
    private readonly TimeProvider _timeProvider;
    private readonly Dictionary<IPAddress, LinkedListNode<LoginThrottleEntry>> _entries = [];
    private readonly LinkedList<LoginThrottleEntry> _byLastFailure = new();

    /// <summary>Creates a throttle.</summary>
    /// <param name="maxFailures">Failures within <paramref name="window"/> that lock an address out; at least 1.</param>
    /// <param name="window">How long failures are counted together; positive.</param>
    /// <param name="lockoutDuration">How long a lockout lasts; positive.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="capacity">The most addresses tracked at once; at least 1 (default <see cref="DefaultCapacity"/>).</param>
    public LoginThrottle(int maxFailures, TimeSpan window, TimeSpan lockoutDuration, TimeProvider timeProvider, int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFailures, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lockoutDuration, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentNullException.ThrowIfNull(timeProvider);
        MaxFailures = maxFailures;
        Window = window;
        LockoutDuration = lockoutDuration;
        Capacity = capacity;
        _timeProvider = timeProvider;
    }

    /// <summary>Failures within <see cref="Window"/> that lock an address out.</summary>
    public int MaxFailures { get; }

    /// <summary>How long failures are counted together, from the first one.</summary>
    public TimeSpan Window { get; }

    /// <summary>How long a lockout lasts; it is never extended.</summary>
    public TimeSpan LockoutDuration { get; }

    /// <summary>The most addresses tracked at once.</summary>
    public int Capacity { get; }

    /// <summary>The number of addresses currently tracked (including entries that expired but are not yet swept).</summary>
    public int TrackedAddressCount
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Whether <paramref name="address"/> is currently locked out.</summary>
    /// <param name="address">The remote address.</param>
    /// <returns>True while a lockout is in force.</returns>
    public bool IsLockedOut(IPAddress address)
    {
        var key = ThrottleAddress.KeyFor(address);
        lock (_gate)
        {
            var now = _timeProvider.GetUtcNow();
            SweepOldest(now);
            return _entries.TryGetValue(key, out var node) && node.Value.LockedUntil > now;
        }
    }

    /// <summary>Records a failed login from <paramref name="address"/>, locking it out when the limit is reached.</summary>
    /// <param name="address">The remote address.</param>
    public void RecordFailure(IPAddress address)
    {
        var key = ThrottleAddress.KeyFor(address);
        lock (_gate)
        {
            var now = _timeProvider.GetUtcNow();
            SweepOldest(now);
            var entry = Touch(key, now);
            if (entry.LockedUntil > now)
            {
                return;
            }

            if (entry.Failures == 0 || now - entry.WindowStart >= Window)
            {
                entry.Failures = 0;
                entry.WindowStart = now;
            }

            entry.Failures++;
            if (entry.Failures >= MaxFailures)
            {
                entry.Failures = 0;
                entry.LockedUntil = now + LockoutDuration;
            }
        }
    }

    /// <summary>Records a successful login from <paramref name="address"/>, clearing its failures.</summary>
    /// <param name="address">The remote address.</param>
    public void RecordSuccess(IPAddress address)
    {
        var key = ThrottleAddress.KeyFor(address);
        lock (_gate)
        {
            if (_entries.Remove(key, out var node))
            {
                _byLastFailure.Remove(node);
            }
        }
    }

    private LoginThrottleEntry Touch(IPAddress key, DateTimeOffset now)
    {
        if (_entries.TryGetValue(key, out var node))
        {
            _byLastFailure.Remove(node);
            _byLastFailure.AddLast(node);
            return node.Value;
        }

        if (_entries.Count >= Capacity)
        {
            SweepAll(now);
        }

        if (_entries.Count >= Capacity)
        {
            Remove(_byLastFailure.First!);
        }

        var entry = new LoginThrottleEntry(key);
        _entries.Add(key, _byLastFailure.AddLast(entry));
        return entry;
    }

    private void SweepOldest(DateTimeOffset now)
    {
        while (_byLastFailure.First is { } oldest && oldest.Value.IsExpired(now, Window))
        {
            Remove(oldest);
        }
    }

    private void SweepAll(DateTimeOffset now)
    {
        for (var node = _byLastFailure.First; node is not null;)
        {
            var next = node.Next;
            if (node.Value.IsExpired(now, Window))
            {
                Remove(node);
            }

            node = next;
        }
    }

    private void Remove(LinkedListNode<LoginThrottleEntry> node)
    {
        _entries.Remove(node.Value.Key);
        _byLastFailure.Remove(node);
    }
}
