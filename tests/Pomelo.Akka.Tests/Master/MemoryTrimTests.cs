using System.Net;
using Pomelo.Akka.Cluster;
using Pomelo.Akka.Master;
using Pomelo.Akka.Tests.TestSupport;

namespace Pomelo.Akka.Tests.Master;

public sealed class MemoryTrimTests
{
    private const long MiB = 1024 * 1024;

    private readonly FakeTimeProvider _time = new();
    private readonly ListLogger<MemoryTrim> _logger = new();
    private long _allocated;
    private bool _sending;
    private int _collections;

    [Fact]
    public void AStormThenAQuietMaster_IsTrimmedOnce()
    {
        using var trim = Create(joins: 3);
        Join(trim, 3);

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(0, _collections);

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, _collections);
        Assert.Equal(1, trim.Trims);
        var entry = Assert.Single(_logger.Entries, e => e.EventId.Id == 1060);
        Assert.Contains("after 3 joins: GC committed 40.0 MB -> 10.0 MB, resident 90.0 MB -> 50.0 MB", entry.Message, StringComparison.Ordinal);

        // The joins were spent: no trim again until another storm.
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, _collections);
    }

    [Fact]
    public void FewerJoinsThanAStorm_AreNeverTrimmed()
    {
        using var trim = Create(joins: 3);
        Join(trim, 2);

        _time.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(0, _collections);
    }

    [Fact]
    public void MembershipThatKeepsChanging_IsNotQuiet()
    {
        using var trim = Create(joins: 3);
        Join(trim, 3);
        for (var i = 0; i < 5; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            trim.OnMemberEvent(new MemberRemoved(Member("gone-" + i), MemberStatus.Up));
        }

        Assert.Equal(0, _collections);

        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, _collections);
    }

    [Fact]
    public void AMasterStillAllocatingFast_WaitsUntilItCalms()
    {
        using var trim = Create(joins: 3);
        Join(trim, 3);

        // The storm's server maps still going out: 10 MB a second, over the 4 MiB limit.
        for (var i = 0; i < 5; i++)
        {
            _allocated += 10 * MiB;
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(0, _collections);

        _allocated += MiB;
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, _collections);
    }

    [Fact]
    public void OutputStillOnItsWay_WaitsUntilItIsOut()
    {
        using var trim = Create(joins: 3);
        Join(trim, 3);

        // The storm's server maps still trickling out to slow readers.
        _sending = true;
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(0, _collections);

        _sending = false;
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, _collections);
    }

    [Fact]
    public void ZeroJoins_TurnsItOff()
    {
        using var trim = Create(joins: 0);
        Join(trim, 500);

        _time.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(0, _collections);
        Assert.Equal(0, _time.ActiveTimerCount);
    }

    [Fact]
    public void ATrimThatFails_IsLogged_AndTheNextStormIsTrimmed()
    {
        var fail = true;
        using var trim = new MemoryTrim(Options(3), _time, _logger, () => _sending, () => _allocated, () =>
        {
            if (fail)
            {
                fail = false;
                throw new InvalidOperationException("no");
            }

            _collections++;
            return new MemoryTrim.TrimResult(40 * MiB, 10 * MiB, 90 * MiB, 50 * MiB);
        });
        Join(trim, 3);
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Single(_logger.Entries, e => e.EventId.Id == 1061);

        Join(trim, 3);
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, _collections);
    }

    private static MemoryTrimOptions Options(int joins) => new() { Joins = joins, Quiet = TimeSpan.FromSeconds(2), MaxAllocationPerSecond = 4 * MiB };

    private static Member Member(string id) => new(id, "connector", 1, null, 1, MemberStatus.Up, IPAddress.Loopback, DateTimeOffset.UnixEpoch);

    private MemoryTrim Create(int joins)
    {
        return new MemoryTrim(Options(joins), _time, _logger, () => _sending, () => _allocated, () =>
        {
            _collections++;
            return new MemoryTrim.TrimResult(40 * MiB, 10 * MiB, 90 * MiB, 50 * MiB);
        });
    }

    private static void Join(MemoryTrim trim, int count)
    {
        for (var i = 0; i < count; i++)
        {
            trim.OnMemberEvent(new MemberUp(Member("s-" + i)));
        }
    }
}
