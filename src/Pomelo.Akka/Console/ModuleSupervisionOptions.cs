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
}
