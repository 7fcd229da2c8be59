namespace Pomelo.Akka.Console;

/// <summary>How a module is ticked.</summary>
public enum ScheduleType
{
    /// <summary>Not scheduled.</summary>
    None = 0,

    /// <summary>The master ticks the module's master handler (pomelo's default).</summary>
    Pull = 1,

    /// <summary>Every monitor ticks the module's monitor handler.</summary>
    Push = 2,
}
