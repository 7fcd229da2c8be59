namespace Pomelo.Akka.Node.Modules;

/// <summary>What a monitor reports to the master: its server id and its current time (unix milliseconds, as pomelo sends it).</summary>
/// <param name="ServerId">The reporting server.</param>
/// <param name="Time">Its current time in unix milliseconds.</param>
public sealed record TimeReportMessage(string ServerId, long Time);
