namespace Pomelo.Akka.Monitor;

/// <summary>
/// How long the master has been silent, as this process can judge it: time during which this process itself did not
/// run (a heartbeat tick that fired late: a long GC pause, a starved thread pool, a stopped process) is not counted,
/// since the master's frames may have been waiting in our socket all along; nor is time our read loop spends handing a
/// message to a module (a module's handler may run on it, or it may wait for room in a full mailbox). Fed by the read
/// loop (<see cref="Heard"/>, <see cref="BeginDispatch"/>, <see cref="EndDispatch"/>) and by the heartbeat timer
/// (<see cref="Tick"/>).
/// </summary>
internal sealed class PeerSilence
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private long _lastSeen;
    private long _lastTick;
    private int _dispatching;

    /// <summary>Initializes the watch; the peer counts as heard now.</summary>
    /// <param name="time">The clock.</param>
    /// <param name="interval">The heartbeat timer's period.</param>
    public PeerSilence(TimeProvider time, TimeSpan interval)
    {
        _time = time;
        _interval = interval;
        _lastSeen = _lastTick = time.GetTimestamp();
    }

    /// <summary>Records a frame from the peer.</summary>
    public void Heard() => Volatile.Write(ref _lastSeen, _time.GetTimestamp());

    /// <summary>Marks the read loop busy handing a message over: the peer is not silent meanwhile.</summary>
    public void BeginDispatch() => Volatile.Write(ref _dispatching, 1);

    /// <summary>Marks the hand-over done; the silence counts from now.</summary>
    public void EndDispatch()
    {
        Heard();
        Volatile.Write(ref _dispatching, 0);
    }

    /// <summary>Called by the heartbeat timer; returns the peer's silence, less the time this process did not run.</summary>
    /// <returns>The silence.</returns>
    public TimeSpan Tick()
    {
        var now = _time.GetTimestamp();
        if (Volatile.Read(ref _dispatching) != 0)
        {
            Volatile.Write(ref _lastTick, now);
            Volatile.Write(ref _lastSeen, now);
            return TimeSpan.Zero;
        }

        var late = _time.GetElapsedTime(Interlocked.Exchange(ref _lastTick, now), now) - _interval;
        if (late > _interval / 2)
        {
            var seen = Volatile.Read(ref _lastSeen);
            var credited = Math.Min(now, seen + (long)(late.TotalSeconds * _time.TimestampFrequency));

            // Losing the race to the read loop is fine: it just heard the peer.
            Interlocked.CompareExchange(ref _lastSeen, credited, seen);
        }

        return _time.GetElapsedTime(Volatile.Read(ref _lastSeen), now);
    }
}
