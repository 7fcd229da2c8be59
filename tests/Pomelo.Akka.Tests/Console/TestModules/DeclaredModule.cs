using Pomelo.Akka.Console;

namespace Pomelo.Akka.Tests.Console.TestModules;

/// <summary>A module declaring its id and a push schedule.</summary>
[AdminModule("declared", Type = ScheduleType.Push, IntervalSeconds = 7, DelaySeconds = 2)]
public sealed class DeclaredModule : IAdminModule
{
}
