namespace Pomelo.Akka.Client;

/// <summary>The master refused the client's login.</summary>
/// <param name="reason">The master's reply message.</param>
public sealed class AdminAuthenticationException(string reason) : Exception("login refused: " + reason)
{
    /// <summary>Gets the master's reply message.</summary>
    public string Reason { get; } = reason;
}
