namespace Pomelo.Akka.Tests.TestSupport;

public sealed class FakeTimeProviderTimerTests
{
    private static readonly DateTimeOffset Start = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Infinite = Timeout.InfiniteTimeSpan;

    [Fact]
    public void CreateTimer_BeforeDueTime_DoesNotFire()
    {
        var time = new FakeTimeProvider(Start);
        var fired = 0;
        using var timer = time.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(10), Infinite);

        time.Advance(TimeSpan.FromSeconds(9.999));

        Assert.Equal(0, fired);
    }

    [Fact]
    public void CreateTimer_OneShotPastDueTime_FiresOnceWithStateAtDueTime()
    {
        var time = new FakeTimeProvider(Start);
        var seen = new List<(object? State, DateTimeOffset At)>();
        using var timer = time.CreateTimer(s => seen.Add((s, time.GetUtcNow())), "state", TimeSpan.FromSeconds(10), Infinite);

        time.Advance(TimeSpan.FromSeconds(25));
        time.Advance(TimeSpan.FromSeconds(25));

        Assert.Equal([("state", Start.AddSeconds(10))], seen);
        Assert.Equal(Start.AddSeconds(50), time.GetUtcNow());
    }

    [Fact]
    public void CreateTimer_PeriodicLargeAdvance_FiresOncePerPeriodAtEachDueTime()
    {
        var time = new FakeTimeProvider(Start);
        var seen = new List<DateTimeOffset>();
        using var timer = time.CreateTimer(_ => seen.Add(time.GetUtcNow()), null, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10));

        time.Advance(TimeSpan.FromSeconds(36));

        Assert.Equal([Start.AddSeconds(5), Start.AddSeconds(15), Start.AddSeconds(25), Start.AddSeconds(35)], seen);
    }

    [Fact]
    public void Advance_CrossingSeveralTimers_FiresInDueOrder()
    {
        var time = new FakeTimeProvider(Start);
        var order = new List<string>();
        using var c = time.CreateTimer(_ => order.Add("c@30"), null, TimeSpan.FromSeconds(30), Infinite);
        using var a = time.CreateTimer(_ => order.Add("a@10"), null, TimeSpan.FromSeconds(10), Infinite);
        using var p = time.CreateTimer(_ => order.Add("p"), null, TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(10));
        using var b = time.CreateTimer(_ => order.Add("b@20"), null, TimeSpan.FromSeconds(20), Infinite);

        time.Advance(TimeSpan.FromSeconds(40));

        Assert.Equal(["a@10", "p", "b@20", "p", "c@30", "p"], order);
    }

    [Fact]
    public void CreateTimer_SameDueTime_FiresInCreationOrder()
    {
        var time = new FakeTimeProvider(Start);
        var order = new List<int>();
        using var first = time.CreateTimer(_ => order.Add(1), null, TimeSpan.FromSeconds(1), Infinite);
        using var second = time.CreateTimer(_ => order.Add(2), null, TimeSpan.FromSeconds(1), Infinite);

        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal([1, 2], order);
    }

    [Fact]
    public void CreateTimer_ZeroDueTime_FiresImmediately()
    {
        var time = new FakeTimeProvider(Start);
        var fired = 0;

        using var timer = time.CreateTimer(_ => fired++, null, TimeSpan.Zero, Infinite);

        Assert.Equal(1, fired);
    }

    [Fact]
    public void CreateTimer_ZeroPeriod_FiresOnlyOnce()
    {
        var time = new FakeTimeProvider(Start);
        var fired = 0;
        using var timer = time.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), TimeSpan.Zero);

        time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(1, fired);
    }

    [Fact]
    public void CreateTimer_NegativeDueTime_Throws()
    {
        var time = new FakeTimeProvider(Start);

        Assert.Throws<ArgumentOutOfRangeException>(() => time.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(-2), Infinite));
    }

    [Fact]
    public void Change_NewDueTime_ReschedulesFromNow()
    {
        var time = new FakeTimeProvider(Start);
        var seen = new List<DateTimeOffset>();
        using var timer = time.CreateTimer(_ => seen.Add(time.GetUtcNow()), null, TimeSpan.FromSeconds(10), Infinite);
        time.Advance(TimeSpan.FromSeconds(5));

        Assert.True(timer.Change(TimeSpan.FromSeconds(20), Infinite));
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Empty(seen);
        time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal([Start.AddSeconds(25)], seen);
    }

    [Fact]
    public void Change_InfiniteDueTime_Disarms()
    {
        var time = new FakeTimeProvider(Start);
        var fired = 0;
        using var timer = time.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        timer.Change(Infinite, Infinite);
        time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(0, fired);
        Assert.Equal(0, time.ActiveTimerCount);
    }

    [Fact]
    public void Change_FromInsideCallback_TakesEffect()
    {
        var time = new FakeTimeProvider(Start);
        var seen = new List<DateTimeOffset>();
        ITimer? timer = null;
        timer = time.CreateTimer(_ => { seen.Add(time.GetUtcNow()); timer!.Change(TimeSpan.FromSeconds(3), Infinite); }, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(100));

        time.Advance(TimeSpan.FromSeconds(8));
        timer.Dispose();

        Assert.Equal([Start.AddSeconds(1), Start.AddSeconds(4), Start.AddSeconds(7)], seen);
    }

    [Fact]
    public void Dispose_ArmedTimer_NeverFiresAndChangeReturnsFalse()
    {
        var time = new FakeTimeProvider(Start);
        var fired = 0;
        var timer = time.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        timer.Dispose();
        time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(0, fired);
        Assert.False(timer.Change(TimeSpan.FromSeconds(1), Infinite));
        Assert.Equal(0, time.ActiveTimerCount);
    }

    [Fact]
    public void Dispose_FromInsidePeriodicCallback_StopsFurtherFiring()
    {
        var time = new FakeTimeProvider(Start);
        var fired = 0;
        ITimer? timer = null;
        timer = time.CreateTimer(_ => { if (++fired == 2) { timer!.Dispose(); } }, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(2, fired);
    }

    [Fact]
    public void Advance_FromInsideCallback_RunsNestedFromCallbackTime()
    {
        var time = new FakeTimeProvider(Start);
        var seen = new List<DateTimeOffset>();
        using var inner = time.CreateTimer(_ => seen.Add(time.GetUtcNow()), null, TimeSpan.FromSeconds(12), Infinite);
        using var outer = time.CreateTimer(_ => time.Advance(TimeSpan.FromSeconds(5)), null, TimeSpan.FromSeconds(10), Infinite);

        time.Advance(TimeSpan.FromSeconds(11));

        Assert.Equal([Start.AddSeconds(12)], seen);
        Assert.Equal(Start.AddSeconds(15), time.GetUtcNow());
    }
}
