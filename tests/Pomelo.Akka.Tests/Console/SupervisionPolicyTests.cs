using Pomelo.Akka.Console;

namespace Pomelo.Akka.Tests.Console;

public sealed class SupervisionPolicyTests
{
    private static readonly DateTimeOffset T0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void OnFailure_BelowThreshold_Resumes()
    {
        var policy = new SupervisionPolicy(Options(failuresBeforeRestart: 3));

        Assert.Equal(SupervisionAction.Resume, policy.OnFailure(T0).Kind);
        Assert.Equal(SupervisionAction.Resume, policy.OnFailure(T0).Kind);
        Assert.Equal(SupervisionAction.Restart, policy.OnFailure(T0).Kind);
        Assert.Equal(1, policy.TotalRestarts);
    }

    [Fact]
    public void OnSuccess_BetweenFailures_ResetsConsecutiveCount()
    {
        var policy = new SupervisionPolicy(Options(failuresBeforeRestart: 3));

        policy.OnFailure(T0);
        policy.OnFailure(T0);
        policy.OnSuccess();

        Assert.Equal(SupervisionAction.Resume, policy.OnFailure(T0).Kind);
        Assert.Equal(SupervisionAction.Resume, policy.OnFailure(T0).Kind);
        Assert.Equal(SupervisionAction.Restart, policy.OnFailure(T0).Kind);
    }

    [Fact]
    public void OnFailure_AfterRestart_CountsConsecutiveFailuresAfresh()
    {
        var policy = new SupervisionPolicy(Options(failuresBeforeRestart: 2));
        policy.OnFailure(T0);
        Assert.Equal(SupervisionAction.Restart, policy.OnFailure(T0).Kind);

        Assert.Equal(SupervisionAction.Resume, policy.OnFailure(T0).Kind);
    }

    [Fact]
    public void OnFailure_SuccessiveRestarts_BackoffDoublesAndCaps()
    {
        var policy = new SupervisionPolicy(Options(minBackoff: TimeSpan.FromMilliseconds(100), maxBackoff: TimeSpan.FromMilliseconds(350), maxRestarts: 10));

        var backoffs = Enumerable.Range(0, 5).Select(i => policy.OnFailure(T0.AddSeconds(i))).ToArray();

        Assert.All(backoffs, d => Assert.Equal(SupervisionAction.Restart, d.Kind));
        Assert.Equal(new[] { 100, 200, 350, 350, 350 }, backoffs.Select(d => (int)d.Backoff.TotalMilliseconds));
    }

    [Fact]
    public void OnFailure_MaxRestartsWithinWindow_Fails()
    {
        var policy = new SupervisionPolicy(Options(maxRestarts: 2));

        Assert.Equal(SupervisionAction.Restart, policy.OnFailure(T0).Kind);
        Assert.Equal(SupervisionAction.Restart, policy.OnFailure(T0.AddSeconds(10)).Kind);
        var decision = policy.OnFailure(T0.AddSeconds(20));

        Assert.Equal(SupervisionAction.Fail, decision.Kind);
        Assert.Equal(2, policy.TotalRestarts);
    }

    [Fact]
    public void OnFailure_RestartsOlderThanWindow_AreForgotten()
    {
        var policy = new SupervisionPolicy(Options(maxRestarts: 2, window: TimeSpan.FromMinutes(1)));
        policy.OnFailure(T0);
        policy.OnFailure(T0.AddSeconds(10));

        var decision = policy.OnFailure(T0.AddSeconds(61));

        Assert.Equal(SupervisionAction.Restart, decision.Kind);
        Assert.Equal(TimeSpan.FromMilliseconds(200), decision.Backoff);
        Assert.Equal(3, policy.TotalRestarts);
        Assert.Equal(SupervisionAction.Fail, policy.OnFailure(T0.AddSeconds(62)).Kind);
    }

    [Fact]
    public void Reset_AfterFailures_ForgetsRestartsButKeepsTotal()
    {
        var policy = new SupervisionPolicy(Options(maxRestarts: 1));
        policy.OnFailure(T0);
        Assert.Equal(SupervisionAction.Fail, policy.OnFailure(T0).Kind);

        policy.Reset();

        var decision = policy.OnFailure(T0);
        Assert.Equal(SupervisionAction.Restart, decision.Kind);
        Assert.Equal(TimeSpan.FromMilliseconds(100), decision.Backoff);
        Assert.Equal(2, policy.TotalRestarts);
    }

    private static ModuleSupervisionOptions Options(
        int failuresBeforeRestart = 1,
        int maxRestarts = 3,
        TimeSpan? window = null,
        TimeSpan? minBackoff = null,
        TimeSpan? maxBackoff = null) => new()
    {
        FailuresBeforeRestart = failuresBeforeRestart,
        MaxRestarts = maxRestarts,
        RestartWindow = window ?? TimeSpan.FromMinutes(1),
        MinBackoff = minBackoff ?? TimeSpan.FromMilliseconds(100),
        MaxBackoff = maxBackoff ?? TimeSpan.FromSeconds(10),
    };
}
