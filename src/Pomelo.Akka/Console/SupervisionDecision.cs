namespace Pomelo.Akka.Console;

/// <summary>What the supervisor does after a handler failure.</summary>
/// <param name="Kind">Resume, restart or fail.</param>
/// <param name="Backoff">How long to wait before a restart.</param>
internal readonly record struct SupervisionDecision(SupervisionAction Kind, TimeSpan Backoff)
{
    public static SupervisionDecision Resume => new(SupervisionAction.Resume, TimeSpan.Zero);

    public static SupervisionDecision Fail => new(SupervisionAction.Fail, TimeSpan.Zero);
}

/// <summary>The supervisor's possible actions.</summary>
internal enum SupervisionAction
{
    Resume,
    Restart,
    Fail,
}
