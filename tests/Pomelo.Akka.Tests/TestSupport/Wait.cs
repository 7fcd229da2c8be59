namespace Pomelo.Akka.Tests.TestSupport;

/// <summary>Bounded waits for state another thread will reach; never a fixed sleep.</summary>
public static class Wait
{
    /// <summary>The longest any test waits for something that should happen.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>Spins until <paramref name="condition"/> holds; fails the test after <see cref="Timeout"/>.</summary>
    public static void Until(Func<bool> condition, string what)
        => Assert.True(SpinWait.SpinUntil(condition, Timeout), "timed out waiting for " + what);
}
