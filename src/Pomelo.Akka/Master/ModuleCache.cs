using System.Collections.Concurrent;

namespace Pomelo.Akka.Master;

/// <summary>A module's key/value cache on the master (pomelo's <c>agent.set</c>/<c>agent.get</c>, per key).</summary>
public sealed class ModuleCache
{
    private readonly ConcurrentDictionary<string, object?> _values = new(StringComparer.Ordinal);

    /// <summary>Gets the value stored under a key.</summary>
    /// <typeparam name="T">The expected type.</typeparam>
    /// <param name="key">The key.</param>
    /// <returns>The value, or default when absent or of another type.</returns>
    public T? Get<T>(string key) => _values.TryGetValue(key, out var v) && v is T t ? t : default;

    /// <summary>Stores a value under a key.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    public void Set(string key, object? value) => _values[key] = value;

    /// <summary>Removes a key.</summary>
    /// <param name="key">The key.</param>
    /// <returns>True when it was present.</returns>
    public bool Remove(string key) => _values.TryRemove(key, out _);

    /// <summary>Copies the whole cache.</summary>
    /// <returns>A snapshot sorted by key.</returns>
    public IReadOnlyDictionary<string, object?> Snapshot() => new SortedDictionary<string, object?>(_values, StringComparer.Ordinal);
}
