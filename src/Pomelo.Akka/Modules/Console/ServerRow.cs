namespace Pomelo.Akka.Modules.Console;

/// <summary>One member in the console's <c>list</c>.</summary>
/// <param name="Id">Its server id.</param>
/// <param name="ServerType">Its server type.</param>
/// <param name="Host">Its host.</param>
/// <param name="Port">Its port.</param>
/// <param name="Pid">Its process id.</param>
/// <param name="Status">Its membership state.</param>
/// <param name="Rss">Its resident memory in bytes, when it answered.</param>
/// <param name="HeapUsed">Its managed heap in bytes, when it answered.</param>
/// <param name="Uptime">Its uptime in seconds, when it answered.</param>
/// <param name="Answered">Whether it answered within the timeout.</param>
/// <param name="Error">Why it did not answer.</param>
public sealed record ServerRow(string Id, string ServerType, string? Host, int? Port, long? Pid, string Status, long? Rss, long? HeapUsed, double? Uptime, bool Answered, string? Error);
