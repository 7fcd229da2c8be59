using Microsoft.Extensions.Configuration;

namespace Pomelo.Akka.Console;

/// <summary>Options of one registered module: its schedule, mailbox and any module-specific settings.</summary>
public sealed class AdminModuleOptions
{
    /// <summary>Gets or sets the schedule type; <see cref="ScheduleType.None"/> (default) means not scheduled.</summary>
    public ScheduleType Type { get; set; }

    /// <summary>Gets or sets the tick interval (default 5 s). Rounded up to whole seconds like pomelo when fractional seconds are not wanted.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets the delay before the first tick (default 0).</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Gets or sets the mailbox capacity (default 1024); a full mailbox answers "busy".</summary>
    public int MailboxCapacity { get; set; } = 1024;

    /// <summary>Gets or sets whether the module starts enabled (default true).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Gets or sets module-specific settings (the module's configuration section), if any.</summary>
    public IConfiguration? Settings { get; set; }

    /// <summary>Gets whether the module is scheduled: it has a type and a positive interval.</summary>
    public bool IsScheduled => Type != ScheduleType.None && Interval > TimeSpan.Zero;

    /// <summary>Copies these options.</summary>
    /// <returns>A new instance with the same values.</returns>
    public AdminModuleOptions Clone() => (AdminModuleOptions)MemberwiseClone();
}
