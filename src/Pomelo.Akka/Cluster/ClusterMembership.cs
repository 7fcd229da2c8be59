using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Pomelo.Akka.Cluster;

/// <summary>
/// The master's view of the cluster: every member with its incarnation and state, a phi-accrual detector per member,
/// and the membership event stream. A closed socket is Unreachable at once; silence beyond the detector's threshold is
/// Unreachable with the socket still open; a member back within the removal margin is Reachable again; past it, Removed.
/// A clean stop (DISCONNECT) goes Leaving → Removed with no Unreachable.
/// </summary>
public sealed partial class ClusterMembership : IAsyncDisposable
{
    // Changed only under _gate (so events keep their order); read without it by Heartbeat, which runs once a second
    // per member on every connection's read loop and must not contend on one global lock.
    private readonly ConcurrentDictionary<string, MemberEntry> _members = new(StringComparer.Ordinal);
    private readonly List<MemberEventSubscription> _subscribers = [];
    private readonly Lock _gate = new();
    private readonly MembershipOptions _options;
    private readonly PhiAccrualOptions _detectorOptions;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ITimer _check;

    /// <summary>Initializes the membership and starts its reachability checks.</summary>
    /// <param name="options">Failure detection and removal settings.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">Where state changes are logged.</param>
    public ClusterMembership(MembershipOptions options, TimeProvider time, ILogger<ClusterMembership> logger)
    {
        _options = options;
        _detectorOptions = options.ToDetectorOptions();
        _detectorOptions.Validate();
        _time = time;
        _logger = logger;
        _check = time.CreateTimer(static s => ((ClusterMembership)s!).CheckReachability(), this, options.CheckInterval, options.CheckInterval);
    }

    /// <summary>Gets the options in force.</summary>
    public MembershipOptions Options => _options;

    /// <summary>Gets every member not yet removed, sorted by id.</summary>
    public IReadOnlyList<Member> Members
    {
        get
        {
            lock (_gate)
            {
                return _members.Values.Select(e => e.Member).OrderBy(m => m.Id, StringComparer.Ordinal).ToList();
            }
        }
    }

    /// <summary>Finds a member that is not removed.</summary>
    /// <param name="id">The server id.</param>
    /// <returns>The member, or null.</returns>
    public Member? Find(string id)
    {
        lock (_gate)
        {
            return _members.TryGetValue(id, out var e) ? e.Member : null;
        }
    }

    /// <summary>A copy of a member's heartbeat history (for tests and diagnostics), or null when it is not a member.</summary>
    /// <param name="id">The server id.</param>
    /// <returns>The history, or null.</returns>
    internal HeartbeatHistory? HistoryOf(string id) => _members.TryGetValue(id, out var e) ? e.Detector.History : null;

    /// <summary>How long the member has been silent (no heartbeat nor other sign of life), for tests and diagnostics.</summary>
    internal TimeSpan? SilenceOf(string id) => _members.TryGetValue(id, out var e) ? e.Detector.SinceLastHeartbeat : null;

    /// <summary>Subscribes to membership events (all topics).</summary>
    /// <param name="handler">Called for each event, in order, on the subscription's own loop.</param>
    /// <param name="initialStateAsEvents">First replay the current members as events (Up, then Unreachable where so), like Akka's InitialStateAsEvents.</param>
    /// <returns>Dispose to unsubscribe.</returns>
    public IDisposable Subscribe(Action<MemberEvent> handler, bool initialStateAsEvents = true) => Subscribe<MemberEvent>(handler, initialStateAsEvents);

    /// <summary>Subscribes to one topic: the events of type <typeparamref name="TEvent"/>.</summary>
    /// <typeparam name="TEvent">The event type (topic).</typeparam>
    /// <param name="handler">Called for each event, in order.</param>
    /// <param name="initialStateAsEvents">First replay the current members as events of this topic.</param>
    /// <returns>Dispose to unsubscribe.</returns>
    public IDisposable Subscribe<TEvent>(Action<TEvent> handler, bool initialStateAsEvents = true)
        where TEvent : MemberEvent
    {
        var subscription = new MemberEventSubscription(static e => e is TEvent, e => handler((TEvent)e), Unsubscribe, _logger);
        lock (_gate)
        {
            if (initialStateAsEvents)
            {
                foreach (var entry in _members.Values.OrderBy(e => e.Member.Id, StringComparer.Ordinal))
                {
                    subscription.Offer(new MemberUp(entry.Member with { Status = MemberStatus.Up }));
                    if (entry.Member.Status == MemberStatus.Unreachable)
                    {
                        subscription.Offer(new MemberUnreachable(entry.Member));
                    }
                }
            }

            _subscribers.Add(subscription);
        }

        return subscription;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _check.DisposeAsync().ConfigureAwait(false);
        MemberEventSubscription[] subscribers;
        lock (_gate)
        {
            subscribers = [.. _subscribers];
        }

        foreach (var subscriber in subscribers)
        {
            subscriber.Dispose();
        }
    }

    /// <summary>A server registered (or registered again) on a new connection with a new incarnation.</summary>
    internal Member Join(string id, string serverType, long? pid, JsonElement? info, long incarnation, IPAddress remote, Func<ValueTask> close)
    {
        lock (_gate)
        {
            var member = new Member(id, serverType, pid, info, incarnation, MemberStatus.Up, remote, _time.GetUtcNow());
            var detector = new PhiAccrualFailureDetector(_detectorOptions, _time);
            detector.Heartbeat();
            _members.TryGetValue(id, out var previous);
            _members[id] = new MemberEntry(member, detector, close);
            if (previous is not null && previous.Member.Incarnation < incarnation)
            {
                LogReachable(_logger, id, incarnation, true);
                Publish(new MemberReachable(member, Reconnected: true));
            }
            else
            {
                LogUp(_logger, id, serverType, incarnation);
                Publish(new MemberUp(member));
            }

            return member;
        }
    }

    /// <summary>Any frame from the member's current connection is a heartbeat. Takes no membership-wide lock.</summary>
    internal void Heartbeat(string id, long incarnation)
    {
        // A racing Join of a newer incarnation may replace the entry meanwhile; the heartbeat then lands on the old
        // detector, which is dropped with its entry, just as if it had arrived a moment earlier.
        if (_members.TryGetValue(id, out var entry) && entry.Member.Incarnation == incarnation)
        {
            entry.Detector.Heartbeat();
        }
    }

    /// <summary>
    /// A sign of life from the member that is not a heartbeat (it read what was waiting for it): restarts its silence
    /// without feeding its heartbeat intervals (see <see cref="PhiAccrualFailureDetector.Refresh"/>). Takes no
    /// membership-wide lock.
    /// </summary>
    internal void Alive(string id, long incarnation)
    {
        if (_members.TryGetValue(id, out var entry) && entry.Member.Incarnation == incarnation)
        {
            entry.Detector.Refresh();
        }
    }

    /// <summary>The member's connection closed without DISCONNECT: Unreachable at once.</summary>
    internal void ConnectionLost(string id, long incarnation)
    {
        lock (_gate)
        {
            if (!_members.TryGetValue(id, out var entry) || entry.Member.Incarnation != incarnation)
            {
                return;
            }

            entry.Connected = false;
            if (entry.Member.Status == MemberStatus.Up)
            {
                MarkUnreachable(entry, "connection closed");
            }
        }
    }

    /// <summary>The member sent DISCONNECT: Leaving, then Removed, with no Unreachable.</summary>
    internal void Leave(string id, long incarnation)
    {
        lock (_gate)
        {
            if (!_members.TryGetValue(id, out var entry) || entry.Member.Incarnation != incarnation)
            {
                return;
            }

            var previous = entry.Member.Status;
            entry.Member = entry.Member with { Status = MemberStatus.Leaving, Since = _time.GetUtcNow() };
            Remove(entry, previous == MemberStatus.Unreachable ? MemberStatus.Unreachable : MemberStatus.Leaving);
        }
    }

    /// <summary>Runs one reachability check now (also run on the check timer).</summary>
    internal void CheckReachability()
    {
        List<MemberEntry>? removed = null;
        lock (_gate)
        {
            var now = _time.GetTimestamp();

            // Enumerating the concurrent dictionary takes no snapshot and tolerates the removals made in the loop.
            foreach (var (_, entry) in _members)
            {
                switch (entry.Member.Status)
                {
                    case MemberStatus.Up when entry.Connected && !entry.Detector.IsAvailable:
                        MarkUnreachable(entry, $"no heartbeat for {entry.Detector.SinceLastHeartbeat.TotalSeconds:0.0} s (phi {entry.Detector.Phi:0.0})");
                        break;
                    case MemberStatus.Unreachable when entry.Connected && entry.Detector.IsAvailable:
                        entry.Member = entry.Member with { Status = MemberStatus.Up, Since = _time.GetUtcNow() };
                        LogReachable(_logger, entry.Member.Id, entry.Member.Incarnation, false);
                        Publish(new MemberReachable(entry.Member, Reconnected: false));
                        break;
                    case MemberStatus.Unreachable when _time.GetElapsedTime(entry.UnreachableAt, now) > _options.RemovalMargin:
                        Remove(entry, MemberStatus.Unreachable);
                        (removed ??= []).Add(entry);
                        break;
                }
            }
        }

        if (removed is null)
        {
            return;
        }

        foreach (var entry in removed.Where(e => e.Connected))
        {
            _ = entry.Close();
        }
    }

    private void MarkUnreachable(MemberEntry entry, string reason)
    {
        entry.UnreachableAt = _time.GetTimestamp();
        entry.Member = entry.Member with { Status = MemberStatus.Unreachable, Since = _time.GetUtcNow() };

        // The event first: formatting a log line costs ~0.1 ms, which the watchdog's broadcast need not wait for.
        Publish(new MemberUnreachable(entry.Member));
        LogUnreachable(_logger, entry.Member.Id, entry.Member.Incarnation, reason);
    }

    private void Remove(MemberEntry entry, MemberStatus previous)
    {
        _members.TryRemove(entry.Member.Id, out _);
        entry.Member = entry.Member with { Status = MemberStatus.Removed, Since = _time.GetUtcNow() };
        Publish(new MemberRemoved(entry.Member, previous));
        LogRemoved(_logger, entry.Member.Id, entry.Member.Incarnation, previous);
    }

    private void Publish(MemberEvent memberEvent)
    {
        foreach (var subscriber in _subscribers)
        {
            subscriber.Offer(memberEvent);
        }
    }

    private void Unsubscribe(MemberEventSubscription subscription)
    {
        lock (_gate)
        {
            _subscribers.Remove(subscription);
        }
    }

    [LoggerMessage(6000, LogLevel.Information, "Member {MemberId} ({ServerType}) is Up, incarnation {Incarnation}")]
    private static partial void LogUp(ILogger logger, string memberId, string serverType, long incarnation);

    [LoggerMessage(6001, LogLevel.Warning, "Member {MemberId} (incarnation {Incarnation}) is Unreachable: {Reason}")]
    private static partial void LogUnreachable(ILogger logger, string memberId, long incarnation, string reason);

    [LoggerMessage(6002, LogLevel.Information, "Member {MemberId} is Reachable again (incarnation {Incarnation}, reconnected: {Reconnected})")]
    private static partial void LogReachable(ILogger logger, string memberId, long incarnation, bool reconnected);

    [LoggerMessage(6003, LogLevel.Information, "Member {MemberId} (incarnation {Incarnation}) Removed; it was {Previous}")]
    private static partial void LogRemoved(ILogger logger, string memberId, long incarnation, MemberStatus previous);
}
