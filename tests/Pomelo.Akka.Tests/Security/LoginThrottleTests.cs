using System.Net;
using Pomelo.Akka.Security;
using Pomelo.Akka.Tests.TestSupport;

namespace Pomelo.Akka.Tests.Security;

public sealed class LoginThrottleTests
{
    private static readonly IPAddress Attacker = IPAddress.Parse("203.0.113.7");
    private static readonly IPAddress Other = IPAddress.Parse("198.51.100.1");
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Lockout = TimeSpan.FromMinutes(5);

    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void RecordFailure_FiveTimes_LocksOut()
    {
        var throttle = Throttle();

        Fail(throttle, Attacker, 4);
        Assert.False(throttle.IsLockedOut(Attacker));
        Fail(throttle, Attacker, 1);

        Assert.True(throttle.IsLockedOut(Attacker));
        Assert.False(throttle.IsLockedOut(Other));
    }

    [Fact]
    public void IsLockedOut_AfterLockoutDuration_ReturnsFalse()
    {
        var throttle = Throttle();
        Fail(throttle, Attacker, 5);

        _time.Advance(Lockout - TimeSpan.FromSeconds(1));
        Assert.True(throttle.IsLockedOut(Attacker));
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.False(throttle.IsLockedOut(Attacker));
    }

    [Fact]
    public void RecordFailure_DuringLockout_DoesNotExtendIt()
    {
        var throttle = Throttle();
        Fail(throttle, Attacker, 5);

        _time.Advance(TimeSpan.FromMinutes(4));
        Fail(throttle, Attacker, 10);
        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.False(throttle.IsLockedOut(Attacker));
    }

    [Fact]
    public void RecordFailure_AfterLockoutEnds_StartsFreshCount()
    {
        var throttle = Throttle();
        Fail(throttle, Attacker, 5);
        _time.Advance(Lockout);

        Fail(throttle, Attacker, 4);
        Assert.False(throttle.IsLockedOut(Attacker));
        Fail(throttle, Attacker, 1);

        Assert.True(throttle.IsLockedOut(Attacker));
    }

    [Fact]
    public void RecordSuccess_AfterFailures_ClearsCount()
    {
        var throttle = Throttle();
        Fail(throttle, Attacker, 4);

        throttle.RecordSuccess(Attacker);
        Fail(throttle, Attacker, 4);

        Assert.False(throttle.IsLockedOut(Attacker));
        Assert.Equal(1, throttle.TrackedAddressCount);
    }

    [Fact]
    public void RecordFailure_AfterWindowExpires_ResetsCount()
    {
        var throttle = Throttle();
        Fail(throttle, Attacker, 4);

        _time.Advance(Window);
        Fail(throttle, Attacker, 4);

        Assert.False(throttle.IsLockedOut(Attacker));
    }

    [Fact]
    public void RecordFailure_WithinWindow_Accumulates()
    {
        var throttle = Throttle();
        Fail(throttle, Attacker, 4);

        _time.Advance(Window - TimeSpan.FromSeconds(1));
        Fail(throttle, Attacker, 1);

        Assert.True(throttle.IsLockedOut(Attacker));
    }

    [Fact]
    public void TrackedAddressCount_AfterEntriesExpire_DropsToZero()
    {
        var throttle = Throttle();
        Fail(throttle, Attacker, 1);
        Fail(throttle, Other, 5);
        Assert.Equal(2, throttle.TrackedAddressCount);

        _time.Advance(Lockout);
        _ = throttle.IsLockedOut(Attacker);

        Assert.Equal(0, throttle.TrackedAddressCount);
    }

    [Fact]
    public void RecordFailure_MoreAddressesThanCapacity_EvictsOldest()
    {
        var throttle = Throttle(capacity: 3);
        Fail(throttle, IPAddress.Parse("10.0.0.1"), 4);

        for (var i = 2; i <= 100; i++)
        {
            Fail(throttle, IPAddress.Parse($"10.0.0.{i}"), 1);
        }

        Assert.Equal(3, throttle.TrackedAddressCount);
        Fail(throttle, IPAddress.Parse("10.0.0.1"), 1);
        Assert.False(throttle.IsLockedOut(IPAddress.Parse("10.0.0.1")));
    }

    [Fact]
    public void RecordFailure_AtCapacity_SweepsExpiredBeforeEvictingLockedOut()
    {
        var throttle = Throttle(capacity: 2);
        Fail(throttle, Attacker, 5);
        Fail(throttle, Other, 1);
        _time.Advance(Window);

        Fail(throttle, IPAddress.Parse("10.0.0.9"), 1);

        Assert.True(throttle.IsLockedOut(Attacker));
    }

    [Fact]
    public void IsLockedOut_Ipv6SameSlash64_SharesCount()
    {
        var throttle = Throttle();
        for (var i = 1; i <= 5; i++)
        {
            throttle.RecordFailure(IPAddress.Parse($"2001:db8:1:2::{i}"));
        }

        Assert.True(throttle.IsLockedOut(IPAddress.Parse("2001:db8:1:2:ffff::1")));
        Assert.False(throttle.IsLockedOut(IPAddress.Parse("2001:db8:1:3::1")));
    }

    [Fact]
    public void IsLockedOut_Ipv4MappedAddress_CountsAsIpv4()
    {
        var throttle = Throttle();

        Fail(throttle, Attacker.MapToIPv6(), 5);

        Assert.True(throttle.IsLockedOut(Attacker));
    }

    [Fact]
    public void RecordFailure_ConcurrentFromManyThreads_LocksOutExactlyAtLimit()
    {
        var throttle = new LoginThrottle(1000, Window, Lockout, _time);

        Parallel.For(0, 999, _ => throttle.RecordFailure(Attacker));
        Assert.False(throttle.IsLockedOut(Attacker));
        throttle.RecordFailure(Attacker);

        Assert.True(throttle.IsLockedOut(Attacker));
    }

    private LoginThrottle Throttle(int capacity = LoginThrottle.DefaultCapacity) => new(5, Window, Lockout, _time, capacity);

    private static void Fail(LoginThrottle throttle, IPAddress address, int times)
    {
        for (var i = 0; i < times; i++)
        {
            throttle.RecordFailure(address);
        }
    }
}
