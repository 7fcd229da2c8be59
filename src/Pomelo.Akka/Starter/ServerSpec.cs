namespace Pomelo.Akka.Starter;

/// <summary>A server the starter can launch: pomelo's servers.json entry.</summary>
/// <param name="Id">Its server id.</param>
/// <param name="ServerType">Its server type.</param>
/// <param name="Host">Its host; a host that is not this machine is started over ssh.</param>
/// <param name="Port">Its port, if any.</param>
/// <param name="AutoRestart">Whether the starter restarts it when it dies unasked.</param>
/// <param name="Fields">Every field of the entry.</param>
public sealed record ServerSpec(string Id, string ServerType, string Host, int? Port, bool AutoRestart, IReadOnlyDictionary<string, string?> Fields);
