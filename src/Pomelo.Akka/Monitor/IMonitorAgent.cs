using System.Text.Json;

namespace Pomelo.Akka.Monitor;

/// <summary>What monitor-side handlers are given: this server's identity, and the way to the master.</summary>
public interface IMonitorAgent
{
    /// <summary>Gets this server's id.</summary>
    string ServerId { get; }

    /// <summary>Gets this server's type.</summary>
    string ServerType { get; }

    /// <summary>Gets this server's info as sent at registration.</summary>
    JsonElement? Info { get; }

    /// <summary>Requests a module's master handler and awaits its reply.</summary>
    /// <param name="moduleId">The module.</param>
    /// <param name="message">The body.</param>
    /// <param name="timeout">The deadline; the configured request timeout when null.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The reply body.</returns>
    Task<JsonElement?> RequestAsync(string moduleId, object? message, TimeSpan? timeout = null, CancellationToken cancellationToken = default);

    /// <summary>Notifies a module's master handler.</summary>
    /// <param name="moduleId">The module.</param>
    /// <param name="message">The body.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>False when not connected or the send failed.</returns>
    ValueTask<bool> NotifyAsync(string moduleId, object? message, CancellationToken cancellationToken = default);

    /// <summary>
    /// Notifies a module's master handler once per body, in order, as one batch: one write and one flush for all of
    /// them (a server reporting many events at once). The returned task completes when the batch is handed to the
    /// socket, so a sender that awaits each batch respects the connection's back-pressure.
    /// </summary>
    /// <param name="moduleId">The module.</param>
    /// <param name="messages">The bodies, one notify each.</param>
    /// <param name="cancellationToken">Cancels the wait for the flush.</param>
    /// <returns>False when not connected or the send failed (some of the batch may have been sent).</returns>
    ValueTask<bool> NotifyManyAsync(string moduleId, IReadOnlyList<object?> messages, CancellationToken cancellationToken = default);
}
