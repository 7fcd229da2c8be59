namespace Pomelo.Akka.Console;

/// <summary>How the ConsoleService supervises module actors.</summary>
public sealed class ModuleSupervisionOptions
{
    /// <summary>Gets or sets how many consecutive handler failures restart the module (default 3).</summary>
    public int FailuresBeforeRestart { get; set; } = 3;

    /// <summary>Gets or sets how many restarts within <see cref="RestartWindow"/> mark the module failed (default 3).</summary>
    public int MaxRestarts { get; set; } = 3;

    /// <summary>Gets or sets the window restarts are counted in (default 1 minute).</summary>
    public TimeSpan RestartWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets or sets the back-off before the first restart; it doubles per restart (default 200 ms).</summary>
    public TimeSpan MinBackoff { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Gets or sets the longest back-off (default 10 s).</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Gets or sets how long a connection's read loop waits for room in a full mailbox before it drops a notify
    /// (default 1 s). While it waits, the peer's frames stay unread, so TCP slows the sender (back-pressure); the bound
    /// keeps a stalled module from starving the connection's heartbeats and replies — well under the failure
    /// detector's threshold — so a notify is lost only when its module made no progress for this long.
    /// </summary>
    public TimeSpan MailboxFullWait { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Gets or sets the shortest interval between two warnings of the same kind about a module (notifies dropped,
    /// requests refused busy, ticks skipped); each warning carries the count since the previous one (default 10 s).
    /// </summary>
    public TimeSpan WarningInterval { get; set; } = TimeSpan.FromSeconds(10);
}
