namespace Pomelo.Akka.Monitor;

/// <summary>The master refused this monitor's registration (wrong token, duplicate id, ...).</summary>
/// <param name="reason">The master's reply message.</param>
public sealed class MonitorRegistrationException(string reason) : Exception("master refused registration: " + reason)
{
    /// <summary>Gets the master's reply message.</summary>
    public string Reason { get; } = reason;
}
