using Pomelo.Akka.Monitor;
using Pomelo.Akka.Tests.TestSupport;

namespace Pomelo.Akka.Tests.Monitor;

public sealed class PeerSilenceTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public void Tick_OnTime_CountsTheWholeSilence()
    {
        var time = new FakeTimeProvider();
        var silence = new PeerSilence(time, Second);

        var seen = new List<TimeSpan>();
        for (var i = 0; i < 6; i++)
        {
            time.Advance(Second);
            seen.Add(silence.Tick());
        }

        Assert.Equal([1, 2, 3, 4, 5, 6], seen.Select(s => s.TotalSeconds));
    }

    [Fact]
    public void Heard_StartsTheSilenceOver()
    {
        var time = new FakeTimeProvider();
        var silence = new PeerSilence(time, Second);
        time.Advance(Second);
        silence.Tick();
        time.Advance(TimeSpan.FromMilliseconds(400));
        silence.Heard();

        time.Advance(TimeSpan.FromMilliseconds(600));

        Assert.Equal(0.6, silence.Tick().TotalSeconds, 6);
    }

    [Fact]
    public void Tick_AfterThisProcessStalled_LeavesTheStallOut_ButATrulySilentPeerIsStillCaught()
    {
        var time = new FakeTimeProvider();
        var silence = new PeerSilence(time, Second);
        time.Advance(Second);
        Assert.Equal(1, silence.Tick().TotalSeconds);

        // A 4-second GC pause: the next tick runs 3 s late; the peer's frames may be waiting in our socket.
        time.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(2, silence.Tick().TotalSeconds);

        // Ticks on time again: the silence grows, and a peer that never speaks still crosses a 5 s threshold.
        var seen = new List<double>();
        for (var i = 0; i < 4; i++)
        {
            time.Advance(Second);
            seen.Add(silence.Tick().TotalSeconds);
        }

        Assert.Equal([3, 4, 5, 6], seen);
    }

    [Fact]
    public void Tick_AfterALongStall_CountsOnlyWhatFollowedTheLastOnTimeTick()
    {
        var time = new FakeTimeProvider();
        var silence = new PeerSilence(time, Second);
        time.Advance(TimeSpan.FromMilliseconds(900));
        silence.Heard();

        time.Advance(TimeSpan.FromSeconds(10));

        // Heard at 0.9 s, then nothing ran until 10.9 s (the tick due at 1 s was 9.9 s late).
        Assert.Equal(0.1, silence.Tick().TotalSeconds, 6);
    }

    [Fact]
    public void Tick_WhileTheReadLoopHandsAMessageOver_IsNoSilence_AndCountsFromTheEnd()
    {
        var time = new FakeTimeProvider();
        var silence = new PeerSilence(time, Second);
        silence.BeginDispatch();

        var during = new List<TimeSpan>();
        for (var i = 0; i < 8; i++)
        {
            time.Advance(Second);
            during.Add(silence.Tick());
        }

        time.Advance(TimeSpan.FromMilliseconds(300));
        silence.EndDispatch();
        time.Advance(TimeSpan.FromMilliseconds(700));

        Assert.All(during, d => Assert.Equal(TimeSpan.Zero, d));
        Assert.Equal(0.7, silence.Tick().TotalSeconds, 6);
    }
}
