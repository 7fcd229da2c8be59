using System.Net;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Pomelo.Akka.Cluster;
using Pomelo.Akka.Tests.TestSupport;

namespace Pomelo.Akka.Tests.Cluster;

public sealed class ClusterMembershipTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new();
    private readonly Channel<MemberEvent> _events = Channel.CreateUnbounded<MemberEvent>();
    private ClusterMembership _membership = null!;
    private int _closed;

    public Task InitializeAsync()
    {
        _membership = new ClusterMembership(new MembershipOptions { RemovalMargin = TimeSpan.FromSeconds(10) }, _time, NullLogger<ClusterMembership>.Instance);
        _membership.Subscribe(e => _events.Writer.TryWrite(e), initialStateAsEvents: false);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _membership.DisposeAsync();

    [Fact]
    public async Task ClosedSocket_IsUnreachableAtOnce_AndRemovedAfterTheMargin()
    {
        Join("area-1", 1);
        Assert.IsType<MemberUp>(await NextAsync());

        _membership.ConnectionLost("area-1", 1);

        Assert.IsType<MemberUnreachable>(await NextAsync());
        Step(TimeSpan.FromSeconds(9.8));
        Assert.Equal(MemberStatus.Unreachable, _membership.Find("area-1")!.Status);
        Step(TimeSpan.FromSeconds(0.4));
        var removed = Assert.IsType<MemberRemoved>(await NextAsync());
        Assert.Equal(MemberStatus.Unreachable, removed.PreviousStatus);
        Assert.Null(_membership.Find("area-1"));
    }

    [Fact]
    public async Task ReconnectWithinTheMargin_IsReachableWithTheNewIncarnation()
    {
        Join("area-1", 1);
        _membership.ConnectionLost("area-1", 1);
        Step(TimeSpan.FromSeconds(5));

        Join("area-1", 2);

        var events = await TakeAsync(3);
        var back = Assert.IsType<MemberReachable>(events[2]);
        Assert.True(back.Reconnected);
        Assert.Equal(2, back.Member.Incarnation);
        for (var i = 0; i < 20; i++)
        {
            Step(TimeSpan.FromSeconds(1));
            _membership.Heartbeat("area-1", 2);
            _membership.Heartbeat("area-1", 1);
        }

        Assert.Equal(MemberStatus.Up, _membership.Find("area-1")!.Status);
    }

    [Fact]
    public async Task HungPeer_UnreachableAfterAboutFiveSeconds_NeverBeforeThree_AndReachableWhenItResumes()
    {
        Join("area-1", 1);
        for (var i = 0; i < 30; i++)
        {
            Step(TimeSpan.FromSeconds(1));
            _membership.Heartbeat("area-1", 1);
        }

        Assert.IsType<MemberUp>(await NextAsync());
        Step(TimeSpan.FromSeconds(3));
        Assert.Equal(MemberStatus.Up, _membership.Find("area-1")!.Status);
        var silent = TimeSpan.FromSeconds(3);
        while (_membership.Find("area-1")!.Status == MemberStatus.Up)
        {
            Step(TimeSpan.FromMilliseconds(200));
            silent += TimeSpan.FromMilliseconds(200);
            Assert.True(silent < TimeSpan.FromSeconds(6), "a hung peer must be unreachable within 6 s");
        }

        Assert.IsType<MemberUnreachable>(await NextAsync());
        Assert.Equal(1, _membership.Find("area-1")!.Incarnation);
        _membership.Heartbeat("area-1", 1);
        Step(TimeSpan.FromMilliseconds(200));
        var back = Assert.IsType<MemberReachable>(await NextAsync());
        Assert.False(back.Reconnected);
        Assert.Equal(0, _closed);
    }

    [Fact]
    public async Task HungPeerPastTheMargin_IsRemovedAndItsConnectionClosed()
    {
        Join("area-1", 1);
        Step(TimeSpan.FromSeconds(20));

        var events = await TakeAsync(3);

        Assert.IsType<MemberUnreachable>(events[1]);
        Assert.IsType<MemberRemoved>(events[2]);
        Assert.Equal(1, _closed);
    }

    [Fact]
    public async Task CleanStop_GoesLeavingToRemoved_WithoutUnreachable()
    {
        Join("area-1", 1);

        _membership.Leave("area-1", 1);

        var events = await TakeAsync(2);
        var removed = Assert.IsType<MemberRemoved>(events[1]);
        Assert.Equal(MemberStatus.Leaving, removed.PreviousStatus);
        Step(TimeSpan.FromSeconds(30));
        Assert.False(_events.Reader.TryRead(out _));
    }

    [Fact]
    public async Task EventsForAnOldIncarnation_AreIgnored()
    {
        Join("area-1", 1);
        Join("area-1", 2);
        await TakeAsync(2);

        _membership.ConnectionLost("area-1", 1);
        _membership.Leave("area-1", 1);
        Step(TimeSpan.FromSeconds(1));

        Assert.Equal((MemberStatus.Up, 2L), (_membership.Find("area-1")!.Status, _membership.Find("area-1")!.Incarnation));
        Assert.False(_events.Reader.TryRead(out _));
    }

    [Fact]
    public async Task SteadyJitteryHeartbeatsForTenMinutes_NoFalseUnreachable()
    {
        var random = new Random(7);
        Join("area-1", 1);
        Join("connector-1", 2);
        await TakeAsync(2);

        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromMinutes(10);)
        {
            var gap = TimeSpan.FromMilliseconds(random.Next(500, 1600));
            Step(gap);
            elapsed += gap;
            _membership.Heartbeat("area-1", 1);
            _membership.Heartbeat("connector-1", 2);
        }

        Assert.All(_membership.Members, m => Assert.Equal(MemberStatus.Up, m.Status));
        Assert.False(_events.Reader.TryRead(out var unexpected), $"unexpected {unexpected}");
    }

    [Fact]
    public async Task Subscribe_WithInitialState_ReplaysMembersThenFollowsChanges()
    {
        Join("area-1", 1);
        Join("connector-1", 2);
        _membership.ConnectionLost("connector-1", 2);
        var seen = Channel.CreateUnbounded<MemberEvent>();
        using var subscription = _membership.Subscribe(e => seen.Writer.TryWrite(e));
        using var removedOnly = _membership.Subscribe<MemberRemoved>(e => seen.Writer.TryWrite(e with { PreviousStatus = MemberStatus.Removed }), initialStateAsEvents: true);

        Join("gate-1", 3);
        _membership.Leave("gate-1", 3);

        var replay = new List<MemberEvent>();
        for (var i = 0; i < 6; i++)
        {
            replay.Add(await seen.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5)));
        }

        Assert.Equal(
            ["MemberUp:area-1", "MemberUp:connector-1", "MemberUnreachable:connector-1", "MemberUp:gate-1", "MemberRemoved:gate-1"],
            replay.Where(e => e is not MemberRemoved { PreviousStatus: MemberStatus.Removed }).Select(e => e.GetType().Name + ":" + e.Member.Id));
        Assert.Single(replay, e => e is MemberRemoved { PreviousStatus: MemberStatus.Removed });
    }

    [Fact]
    public void Heartbeat_ConcurrentFromManyThreadsForManyMembers_LosesNoSample()
    {
        const int Members = 50;
        const int Threads = 8;
        const int PerThread = 100;
        for (var m = 0; m < Members; m++)
        {
            Join($"area-{m}", 1);
        }

        using var start = new Barrier(Threads + 1);
        var writers = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < PerThread; i++)
            {
                for (var m = 0; m < Members; m++)
                {
                    _membership.Heartbeat($"area-{(m + t) % Members}", 1);
                }
            }
        })).ToArray();
        foreach (var writer in writers)
        {
            writer.Start();
        }

        start.SignalAndWait();
        while (writers.Any(w => w.IsAlive))
        {
            _membership.CheckReachability();
        }

        foreach (var writer in writers)
        {
            writer.Join();
        }

        for (var m = 0; m < Members; m++)
        {
            var history = _membership.HistoryOf($"area-{m}")!;
            Assert.Equal(2 + (Threads * PerThread), history.Count);
            Assert.Equal(2000.0, history.IntervalSum);
            Assert.Equal(MemberStatus.Up, _membership.Find($"area-{m}")!.Status);
        }
    }

    [Fact]
    public async Task UnreachableAndRemoved_ArePublishedBeforeTheirLogLines()
    {
        // A logger that, on each of the two lines, waits for the subscriber to have the event: were the line written
        // before the event is published (under the membership's lock), the wait would run out and record false.
        var seen = Channel.CreateUnbounded<MemberEvent>();
        var logger = new WaitingLogger(seen.Reader);
        await using var membership = new ClusterMembership(new MembershipOptions { RemovalMargin = TimeSpan.FromSeconds(10) }, _time, logger);
        membership.Subscribe(e => seen.Writer.TryWrite(e), initialStateAsEvents: false);
        membership.Join("area-1", "area", 1, null, 1, IPAddress.Loopback, () => ValueTask.CompletedTask);

        membership.ConnectionLost("area-1", 1);
        for (var i = 0; i < 110; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(100));
        }

        await Eventually.TrueAsync(() => logger.Waits.Count == 2, "both lines logged");
        Assert.Equal([(6001, true), (6003, true)], logger.Waits.ToArray());
    }

    private void Join(string id, long incarnation)
        => _membership.Join(id, "area", 1, null, incarnation, IPAddress.Loopback, () =>
        {
            Interlocked.Increment(ref _closed);
            return ValueTask.CompletedTask;
        });

    private void Step(TimeSpan by)
    {
        for (var left = by; left > TimeSpan.Zero; left -= TimeSpan.FromMilliseconds(100))
        {
            _time.Advance(left < TimeSpan.FromMilliseconds(100) ? left : TimeSpan.FromMilliseconds(100));
        }
    }

    private async Task<MemberEvent> NextAsync() => await _events.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));

    private async Task<List<MemberEvent>> TakeAsync(int count)
    {
        var list = new List<MemberEvent>();
        for (var i = 0; i < count; i++)
        {
            list.Add(await NextAsync());
        }

        return list;
    }

    /// <summary>On the Unreachable (6001) and Removed (6003) lines, waits up to 5 s for that event to reach the subscriber.</summary>
    private sealed class WaitingLogger(ChannelReader<MemberEvent> seen) : ILogger<ClusterMembership>
    {
        public System.Collections.Concurrent.ConcurrentQueue<(int EventId, bool EventFirst)> Waits { get; } = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var expected = eventId.Id switch { 6001 => typeof(MemberUnreachable), 6003 => typeof(MemberRemoved), _ => null };
            if (expected is null)
            {
                return;
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            var found = false;
            try
            {
                while (!found)
                {
                    found = seen.ReadAsync(timeout.Token).AsTask().GetAwaiter().GetResult().GetType() == expected;
                }
            }
            catch (OperationCanceledException)
            {
            }

            Waits.Enqueue((eventId.Id, found));
        }
    }
}
