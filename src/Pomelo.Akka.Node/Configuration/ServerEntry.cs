namespace Pomelo.Akka.Node.Configuration;

/// <summary>One configured server (pomelo's servers.json entry).</summary>
/// <param name="Id">Its server id.</param>
/// <param name="ServerType">Its server type (the key it is listed under).</param>
/// <param name="Host">Its host.</param>
/// <param name="Port">Its port.</param>
/// <param name="Fields">Every field of the entry, reported in its info.</param>
internal sealed record ServerEntry(string Id, string ServerType, string Host, int? Port, IReadOnlyDictionary<string, string?> Fields)
{
    /// <summary>Gets whether the entry asks to be restarted when it dies (<c>auto-restart = true</c>, pomelo's field).</summary>
    public bool AutoRestart => (Fields.GetValueOrDefault("auto-restart") ?? Fields.GetValueOrDefault("autoRestart")) is "true" or "on";

    /// <summary>Converts the entry for the starter.</summary>
    /// <returns>The spec.</returns>
    public Pomelo.Akka.Starter.ServerSpec ToSpec() => new(Id, ServerType, Host, Port, AutoRestart, Fields);
}
