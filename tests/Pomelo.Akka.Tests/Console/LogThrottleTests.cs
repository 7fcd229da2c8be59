using Pomelo.Akka.Console;
using Pomelo.Akka.Tests.TestSupport;

namespace Pomelo.Akka.Tests.Console;

public sealed class LogThrottleTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void TryHit_FirstEvent_LetsALineThroughWithCountOne()
    {
        var throttle = new LogThrottle(_time, Interval);

        Assert.True(throttle.TryHit(out var count));
        Assert.Equal(1, count);
    }

    [Fact]
    public void TryHit_FloodWithinInterval_OneLineThenCountOfTheSuppressedAtTheNextInterval()
    {
        var throttle = new LogThrottle(_time, Interval);
        Assert.True(throttle.TryHit(out _));

        var lines = 0;
        for (var i = 0; i < 1000; i++)
        {
            lines += throttle.TryHit(out _) ? 1 : 0;
        }

        Assert.Equal(0, lines);
        _time.Advance(Interval);
        Assert.True(throttle.TryHit(out var count));
        Assert.Equal(1001, count);
        Assert.False(throttle.TryHit(out _));
    }

    [Fact]
    public async Task TryHit_ConcurrentFlood_EveryEventCountedOnceAcrossTheLines()
    {
        var throttle = new LogThrottle(_time, Interval);
        long reported = 0;
        var lines = 0;

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                if (throttle.TryHit(out var count))
                {
                    Interlocked.Add(ref reported, count);
                    Interlocked.Increment(ref lines);
                }
            }
        })));
        _time.Advance(Interval);
        Assert.True(throttle.TryHit(out var rest));

        Assert.Equal(1, lines);
        Assert.Equal(40_001, reported + rest);
    }
}
