namespace Pomelo.Akka.Console;

/// <summary>
/// The supervisor's decision logic for one module, kept apart from the mailbox so it can be tested alone:
/// consecutive failures restart the module with doubling back-off; too many restarts within the window fail it.
/// </summary>
internal sealed class SupervisionPolicy
{
    private readonly ModuleSupervisionOptions _options;
    private readonly Queue<DateTimeOffset> _restarts = new();
    private int _consecutiveFailures;

    public SupervisionPolicy(ModuleSupervisionOptions options)
    {
        _options = options;
    }

    public int TotalRestarts { get; private set; }

    public void OnSuccess() => _consecutiveFailures = 0;

    public void Reset()
    {
        _consecutiveFailures = 0;
        _restarts.Clear();
    }

    /// <summary>A restart whose new instance could not be built or started counts as a failed restart at once.</summary>
    public SupervisionDecision OnRestartFailed(DateTimeOffset now)
    {
        _consecutiveFailures = Math.Max(0, _options.FailuresBeforeRestart - 1);
        return OnFailure(now);
    }

    public SupervisionDecision OnFailure(DateTimeOffset now)
    {
        if (++_consecutiveFailures < Math.Max(1, _options.FailuresBeforeRestart))
        {
            return SupervisionDecision.Resume;
        }

        _consecutiveFailures = 0;
        while (_restarts.Count > 0 && now - _restarts.Peek() > _options.RestartWindow)
        {
            _restarts.Dequeue();
        }

        if (_restarts.Count >= _options.MaxRestarts)
        {
            return SupervisionDecision.Fail;
        }

        _restarts.Enqueue(now);
        TotalRestarts++;
        var factor = Math.Pow(2, _restarts.Count - 1);
        var backoff = TimeSpan.FromTicks((long)Math.Min(_options.MinBackoff.Ticks * factor, _options.MaxBackoff.Ticks));
        return new SupervisionDecision(SupervisionAction.Restart, backoff);
    }
}
