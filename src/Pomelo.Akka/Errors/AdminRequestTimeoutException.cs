namespace Pomelo.Akka.Errors;

/// <summary>A request whose reply did not arrive before its deadline.</summary>
/// <param name="target">The server id (or <c>master</c>) the request went to.</param>
/// <param name="moduleId">The module addressed.</param>
/// <param name="timeout">The deadline that passed.</param>
public sealed class AdminRequestTimeoutException(string target, string moduleId, TimeSpan timeout)
    : AdminRequestException($"request to {target} module {moduleId} timed out after {timeout.TotalMilliseconds:0} ms")
{
    /// <summary>Gets the server id the request went to.</summary>
    public string Target { get; } = target;

    /// <summary>Gets the deadline that passed.</summary>
    public TimeSpan Timeout { get; } = timeout;
}
