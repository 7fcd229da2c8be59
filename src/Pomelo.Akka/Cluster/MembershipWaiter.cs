namespace Pomelo.Akka.Cluster;

/// <summary>Waits, event-driven and with a deadline, until the membership satisfies a condition.</summary>
internal static class MembershipWaiter
{
    public static async Task<bool> WaitAsync(ClusterMembership membership, Func<ClusterMembership, bool> condition, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = membership.Subscribe(
            _ =>
            {
                if (condition(membership))
                {
                    done.TrySetResult();
                }
            },
            initialStateAsEvents: false);
        if (condition(membership))
        {
            return true;
        }

        try
        {
            await done.Task.WaitAsync(timeout, time, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return condition(membership);
        }
    }
}
