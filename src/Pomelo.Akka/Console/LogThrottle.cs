namespace Pomelo.Akka.Console;

/// <summary>
/// Rate-limits a repeated warning: every event is counted, and at most one per interval is let through, carrying the
/// number of events since the last line let through — so a flood of drops costs one log line per interval, not one
/// per message. Thread-safe and allocation-free.
/// </summary>
internal sealed class LogThrottle
{
    private readonly TimeProvider _time;
    private readonly long _intervalTicks;
    private long _pending;
    private long _nextDue = long.MinValue;

    public LogThrottle(TimeProvider time, TimeSpan interval)
    {
        _time = time;
        _intervalTicks = (long)(Math.Max(0, interval.TotalSeconds) * time.TimestampFrequency);
    }

    /// <summary>Counts one event; true when a line is due, with the events counted since the last line (this one included).</summary>
    /// <param name="count">The number of events to report.</param>
    public bool TryHit(out long count)
    {
        Interlocked.Increment(ref _pending);
        var now = _time.GetTimestamp();
        var due = Volatile.Read(ref _nextDue);
        if (now < due || Interlocked.CompareExchange(ref _nextDue, now + _intervalTicks, due) != due)
        {
            count = 0;
            return false;
        }

        count = Interlocked.Exchange(ref _pending, 0);
        return count > 0;
    }
}
