namespace Pomelo.Akka.Tests.TestSupport;

/// <summary>
/// A manually driven <see cref="TimeProvider"/> for tests. Time only moves on <see cref="Advance"/> or
/// <see cref="SetUtcNow"/>; timers created through it fire synchronously on the advancing thread, in due order,
/// with <see cref="GetUtcNow"/> equal to each timer's due time while its callback runs. A periodic timer fires once
/// per period crossed, so one large advance can fire it many times. Thread-safe; callbacks run outside the lock and
/// may create, change or dispose timers or advance time themselves. A timer whose due time is zero fires at once,
/// on the thread that created or changed it (as in Microsoft.Extensions.TimeProvider.Testing). A period of zero or
/// <see cref="Timeout.InfiniteTimeSpan"/> means one-shot, as for <see cref="System.Threading.Timer"/>.
/// </summary>
public sealed class FakeTimeProvider : TimeProvider
{
    private readonly object _gate = new();
    private readonly object _advanceGate = new();
    private readonly HashSet<FakeTimer> _timers = [];
    private DateTimeOffset _now;
    private long _nextSequence;

    /// <summary>Starts at 2000-01-01T00:00:00Z.</summary>
    public FakeTimeProvider()
        : this(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>Starts at <paramref name="start"/>.</summary>
    public FakeTimeProvider(DateTimeOffset start)
    {
        _now = start.ToUniversalTime();
        Start = _now;
    }

    /// <summary>The time this provider started at.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>Always UTC, so tests do not depend on the machine's time zone.</summary>
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Timestamps are in ticks of 100 ns.</summary>
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>The number of timers that are armed (will fire on some future advance).</summary>
    public int ActiveTimerCount
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count;
            }
        }
    }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    /// <summary>The current fake time in ticks; monotonic because time never goes backwards.</summary>
    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    /// <summary>
    /// Moves time forward by <paramref name="delta"/>, firing every timer that falls due on the way. Advances are
    /// serialised, so concurrent ones add up; one made from inside a timer callback runs nested, from the callback's time.
    /// </summary>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        lock (_advanceGate)
        {
            RunUntil(GetUtcNow() + delta);
        }
    }

    /// <summary>Moves time forward to <paramref name="value"/>, firing every timer that falls due on the way.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is earlier than the current time.</exception>
    public void SetUtcNow(DateTimeOffset value)
    {
        lock (_advanceGate)
        {
            var now = GetUtcNow();
            if (value < now)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, $"Time cannot go backwards from {now:O}.");
            }

            RunUntil(value);
        }
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new FakeTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Arms, re-arms or disarms a timer; fires it at once when it is due now. Returns false once disposed.</summary>
    internal bool Schedule(FakeTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        FakeTimer.Validate(dueTime, nameof(dueTime));
        FakeTimer.Validate(period, nameof(period));
        DateTimeOffset now;
        lock (_gate)
        {
            if (timer.IsDisposed)
            {
                return false;
            }

            now = _now;
            timer.Period = period == TimeSpan.Zero ? Timeout.InfiniteTimeSpan : period;
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                _timers.Remove(timer);
                return true;
            }

            timer.DueTime = _now + dueTime;
            timer.Sequence = _nextSequence++;
            _timers.Add(timer);
        }

        if (dueTime == TimeSpan.Zero)
        {
            RunUntil(now);
        }

        return true;
    }

    /// <summary>Disarms a timer for good.</summary>
    internal void Remove(FakeTimer timer)
    {
        lock (_gate)
        {
            timer.IsDisposed = true;
            _timers.Remove(timer);
        }
    }

    private void RunUntil(DateTimeOffset target)
    {
        while (true)
        {
            FakeTimer? due = null;
            lock (_gate)
            {
                foreach (var timer in _timers)
                {
                    if (timer.DueTime <= target && (due is null || timer.FiresBefore(due)))
                    {
                        due = timer;
                    }
                }

                if (due is null)
                {
                    if (target > _now)
                    {
                        _now = target;
                    }

                    return;
                }

                if (due.DueTime > _now)
                {
                    _now = due.DueTime;
                }

                if (due.Period == Timeout.InfiniteTimeSpan)
                {
                    _timers.Remove(due);
                }
                else
                {
                    due.DueTime += due.Period;
                    due.Sequence = _nextSequence++;
                }
            }

            due.Fire();
        }
    }
}
