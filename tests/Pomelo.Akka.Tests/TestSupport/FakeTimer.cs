namespace Pomelo.Akka.Tests.TestSupport;

/// <summary>A timer of <see cref="FakeTimeProvider"/>; its schedule is guarded by the provider's lock.</summary>
internal sealed class FakeTimer : ITimer
{
    private static readonly TimeSpan MaxSupported = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    private readonly FakeTimeProvider _owner;
    private readonly TimerCallback _callback;
    private readonly object? _state;
    private readonly ExecutionContext? _context;

    public FakeTimer(FakeTimeProvider owner, TimerCallback callback, object? state)
    {
        _owner = owner;
        _callback = callback;
        _state = state;
        _context = ExecutionContext.Capture();
    }

    /// <summary>When the timer next fires; meaningful only while armed.</summary>
    public DateTimeOffset DueTime { get; set; }

    /// <summary>The period, or <see cref="Timeout.InfiniteTimeSpan"/> for a one-shot timer.</summary>
    public TimeSpan Period { get; set; } = Timeout.InfiniteTimeSpan;

    /// <summary>Orders timers due at the same instant by when they were scheduled.</summary>
    public long Sequence { get; set; }

    /// <summary>Whether the timer was disposed.</summary>
    public bool IsDisposed { get; set; }

    public static void Validate(TimeSpan value, string name)
    {
        if ((value < TimeSpan.Zero && value != Timeout.InfiniteTimeSpan) || value > MaxSupported)
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be non-negative, Timeout.InfiniteTimeSpan, or at most 0xFFFFFFFE ms.");
        }
    }

    public bool FiresBefore(FakeTimer other) =>
        DueTime < other.DueTime || (DueTime == other.DueTime && Sequence < other.Sequence);

    public bool Change(TimeSpan dueTime, TimeSpan period) => _owner.Schedule(this, dueTime, period);

    public void Fire()
    {
        if (_context is null)
        {
            _callback(_state);
        }
        else
        {
            ExecutionContext.Run(_context, static s => ((FakeTimer)s!)._callback(((FakeTimer)s!)._state), this);
        }
    }

    public void Dispose() => _owner.Remove(this);

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
