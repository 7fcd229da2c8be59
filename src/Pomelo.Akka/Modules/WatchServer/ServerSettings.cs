using System.Collections.Concurrent;
using System.Text.Json;

namespace Pomelo.Akka.Modules.WatchServer;

/// <summary>
/// A node's runtime settings: an in-memory, thread-safe key → JSON value store that admins read and write with
/// <c>watchServer</c>'s <c>settings</c>, <c>get</c> and <c>set</c>. One per node (a DI singleton); the application
/// reads it, and may subscribe to <see cref="Changed"/> to apply a new value.
/// </summary>
public sealed class ServerSettings
{
    private readonly ConcurrentDictionary<string, JsonElement> _values = new(StringComparer.Ordinal);

    /// <summary>Raised after a value is set, with its key and new value (on the thread that set it).</summary>
    public event Action<string, JsonElement>? Changed;

    /// <summary>Reads a setting.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value, when the key exists.</param>
    /// <returns>True when the key exists.</returns>
    public bool TryGet(string key, out JsonElement value)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _values.TryGetValue(key, out value);
    }

    /// <summary>Writes a setting, creating it when it is new.</summary>
    /// <param name="key">The key (not empty).</param>
    /// <param name="value">The value; it is copied, so the caller's document may be disposed.</param>
    public void Set(string key, JsonElement value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var copy = value.Clone();
        _values[key] = copy;
        Changed?.Invoke(key, copy);
    }

    /// <summary>Takes a snapshot of every setting.</summary>
    /// <returns>The settings, sorted by key.</returns>
    public IReadOnlyDictionary<string, JsonElement> Snapshot() => new SortedDictionary<string, JsonElement>(_values, StringComparer.Ordinal);
}
