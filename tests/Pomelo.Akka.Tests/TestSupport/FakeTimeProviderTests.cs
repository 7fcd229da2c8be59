namespace Pomelo.Akka.Tests.TestSupport;

public sealed class FakeTimeProviderTests
{
    private static readonly DateTimeOffset Start = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Infinite = Timeout.InfiniteTimeSpan;

    [Fact]
    public void GetUtcNow_New_ReturnsStartTime()
    {
        var time = new FakeTimeProvider(Start);

        Assert.Equal(Start, time.GetUtcNow());
        Assert.Equal(TimeZoneInfo.Utc, time.LocalTimeZone);
    }

    [Fact]
    public void Advance_Delta_MovesUtcNowAndTimestamp()
    {
        var time = new FakeTimeProvider(Start);
        var before = time.GetTimestamp();

        time.Advance(TimeSpan.FromSeconds(90));

        Assert.Equal(Start.AddSeconds(90), time.GetUtcNow());
        Assert.Equal(TimeSpan.FromSeconds(90), time.GetElapsedTime(before));
    }

    [Fact]
    public void Advance_Negative_Throws()
    {
        var time = new FakeTimeProvider(Start);

        Assert.Throws<ArgumentOutOfRangeException>(() => time.Advance(TimeSpan.FromTicks(-1)));
    }

    [Fact]
    public void SetUtcNow_Backwards_Throws()
    {
        var time = new FakeTimeProvider(Start);

        Assert.Throws<ArgumentOutOfRangeException>(() => time.SetUtcNow(Start.AddSeconds(-1)));
        Assert.Equal(Start, time.GetUtcNow());
    }

    [Fact]
    public void SetUtcNow_Forward_FiresDueTimers()
    {
        var time = new FakeTimeProvider(Start);
        var fired = 0;
        using var timer = time.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(10), Infinite);

        time.SetUtcNow(Start.AddSeconds(10));

        Assert.Equal(1, fired);
    }

    [Fact]
    public async Task TaskDelay_Advanced_Completes()
    {
        var time = new FakeTimeProvider(Start);
        var delay = Task.Delay(TimeSpan.FromSeconds(30), time);

        time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(delay.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));

        await delay.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(delay.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task TaskDelay_Cancelled_CancelsAndReleasesTimer()
    {
        var time = new FakeTimeProvider(Start);
        using var cts = new CancellationTokenSource();
        var delay = Task.Delay(TimeSpan.FromSeconds(30), time, cts.Token);

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => delay.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(0, time.ActiveTimerCount);
    }

    [Fact]
    public async Task WaitAsync_TimeoutAdvanced_ThrowsTimeout()
    {
        var time = new FakeTimeProvider(Start);
        var never = new TaskCompletionSource();
        var wait = never.Task.WaitAsync(TimeSpan.FromSeconds(10), time);

        time.Advance(TimeSpan.FromSeconds(10));

        await Assert.ThrowsAsync<TimeoutException>(() => wait.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task PeriodicTimer_Advanced_TicksEachPeriod()
    {
        var time = new FakeTimeProvider(Start);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(10), time);
        var ticks = 0;

        for (var i = 0; i < 3; i++)
        {
            var tick = timer.WaitForNextTickAsync().AsTask();
            Assert.False(tick.IsCompleted);
            time.Advance(TimeSpan.FromSeconds(10));
            Assert.True(await tick.WaitAsync(TimeSpan.FromSeconds(5)));
            ticks++;
        }

        Assert.Equal(3, ticks);
    }

    [Fact]
    public async Task PeriodicTimer_TickBeforeWait_CompletesNextWaitAtOnce()
    {
        var time = new FakeTimeProvider(Start);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(10), time);

        time.Advance(TimeSpan.FromSeconds(10));

        Assert.True(await timer.WaitForNextTickAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void Advance_ConcurrentFromManyThreads_AddsUpAndFiresEachTimerOnce()
    {
        var time = new FakeTimeProvider(Start);
        var fired = new int[200];
        var timers = Enumerable.Range(0, fired.Length)
            .Select(i => time.CreateTimer(_ => Interlocked.Increment(ref fired[i]), null, TimeSpan.FromSeconds(i + 1), Timeout.InfiniteTimeSpan))
            .ToArray();
        var periodicFires = 0;
        using var periodic = time.CreateTimer(_ => Interlocked.Increment(ref periodicFires), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        Parallel.For(0, 400, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ => time.Advance(TimeSpan.FromSeconds(1)));

        Assert.Equal(Start.AddSeconds(400), time.GetUtcNow());
        Assert.All(fired, count => Assert.Equal(1, count));
        Assert.Equal(400, periodicFires);
        Array.ForEach(timers, t => t.Dispose());
    }

    [Fact]
    public void CreateTimer_ConcurrentWithAdvance_FiresEveryTimerExactlyOnce()
    {
        var time = new FakeTimeProvider(Start);
        var fired = 0;
        var created = new System.Collections.Concurrent.ConcurrentBag<ITimer>();

        Parallel.Invoke(
            () => Parallel.For(0, 1000, _ => created.Add(time.CreateTimer(_ => Interlocked.Increment(ref fired), null, TimeSpan.FromMilliseconds(1), Timeout.InfiniteTimeSpan))),
            () => { for (var i = 0; i < 1000; i++) { time.Advance(TimeSpan.FromMilliseconds(1)); } });
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(1000, fired);
        Assert.Equal(0, time.ActiveTimerCount);
    }
}
