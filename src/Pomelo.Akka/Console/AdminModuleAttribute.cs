namespace Pomelo.Akka.Console;

/// <summary>Declares a module's id and its default schedule, like pomelo's <c>module.exports.moduleId</c>.</summary>
/// <param name="id">The module id.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AdminModuleAttribute(string id) : Attribute
{
    /// <summary>Gets the declared module id.</summary>
    public string Id { get; } = id;

    /// <summary>Gets or sets the default schedule; <see cref="ScheduleType.None"/> means not scheduled.</summary>
    public ScheduleType Type { get; set; }

    /// <summary>Gets or sets the default tick interval in seconds (default 5).</summary>
    public double IntervalSeconds { get; set; } = 5;

    /// <summary>Gets or sets the default delay before the first tick in seconds (default 0).</summary>
    public double DelaySeconds { get; set; }
}
