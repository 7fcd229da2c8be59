namespace Pomelo.Akka.Console;

/// <summary>A snapshot of one module on one node, as the <c>list</c> command reports it.</summary>
/// <param name="Id">The module id.</param>
/// <param name="Enabled">Whether it is enabled.</param>
/// <param name="State">Its supervision state.</param>
/// <param name="Schedule">Its schedule type.</param>
/// <param name="IntervalSeconds">Its tick interval in seconds, when scheduled.</param>
/// <param name="Restarts">How many times it was restarted.</param>
/// <param name="LastError">The last handler error, if any.</param>
public sealed record ModuleStatus(string Id, bool Enabled, ModuleState State, ScheduleType Schedule, double? IntervalSeconds, int Restarts, string? LastError);
