namespace Pomelo.Akka.Console;

/// <summary>The reply to <c>list</c>: pomelo's <c>modules</c> (public module ids) plus each module's status.</summary>
/// <param name="Modules">Module ids, without internal <c>__x__</c> ones, as pomelo lists them.</param>
/// <param name="Details">Every module's status on the master.</param>
public sealed record ModuleListReply(IReadOnlyList<string> Modules, IReadOnlyList<ModuleStatus> Details);
