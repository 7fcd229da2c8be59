using System.Collections.Concurrent;
using System.Text.Json;

namespace Pomelo.Akka.Cluster;

/// <summary>
/// Gives one <see cref="ServerEntry"/> per server info, shared by every server map of a process that uses this
/// interner (one per DI container, so monitors built from one container share it). An entry is immutable, so sharing
/// it is safe; a map of N servers then costs its dictionary slots, not N copies of every info, and an info already
/// known (a subscribe after a reconnect, every other monitor of the process) is looked up without allocating.
/// Server types and hosts (a handful of distinct texts) are shared the same way.
/// </summary>
/// <remarks>
/// It keeps the latest entry for each server id it has seen. A server that changes its info (a restart: a new
/// incarnation) replaces its entry; entries already in maps stay valid. Past <see cref="MaxEntries"/> ids (ids that
/// never repeat) it starts over empty, so it never grows without bound; only sharing is lost.
/// </remarks>
internal sealed class ServerEntryInterner
{
    /// <summary>The most server ids kept before the interner starts over.</summary>
    public const int MaxEntries = 65_536;

    /// <summary>The most distinct server types and hosts shared; texts beyond it are not shared.</summary>
    public const int MaxTexts = 4_096;

    private readonly ConcurrentDictionary<string, ServerEntry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ServerEntry>.AlternateLookup<ReadOnlySpan<char>> _entriesBySpan;
    private readonly ConcurrentDictionary<string, string> _texts = new(StringComparer.Ordinal);
    private readonly Func<string, string> _intern;

    public ServerEntryInterner()
    {
        _entriesBySpan = _entries.GetAlternateLookup<ReadOnlySpan<char>>();
        _intern = Intern;
    }

    /// <summary>Gets how many server ids it holds an entry for.</summary>
    public int Count => _entries.Count;

    /// <summary>Gets the entry for a server info, the shared one when an entry with the same info bytes exists.</summary>
    /// <param name="info">The info's UTF-8 JSON (a valid JSON value).</param>
    /// <param name="fallbackId">The id when the info has none (a map key).</param>
    /// <returns>The entry, or null when the info is not an object or has no id.</returns>
    public ServerEntry? FromInfo(ReadOnlySpan<byte> info, ReadOnlySpan<char> fallbackId)
    {
        Span<char> buffer = stackalloc char[ServerInfoReader.IdBufferLength];
        if (!ServerInfoReader.TryFindId(info, buffer, out var id))
        {
            return null;
        }

        if (id.IsEmpty)
        {
            id = fallbackId;
        }

        if (!id.IsEmpty && _entriesBySpan.TryGetValue(id, out var known) && known.InfoUtf8.SequenceEqual(info))
        {
            return known;
        }

        if (ServerInfoReader.Read(info, fallbackId.IsEmpty ? null : fallbackId.ToString(), _intern) is not { } entry)
        {
            return null;
        }

        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        // Another map may have read the same info meanwhile: the entry stored first is everyone's.
        while (true)
        {
            if (!_entries.TryGetValue(entry.Id, out var current))
            {
                if (_entries.TryAdd(entry.Id, entry))
                {
                    return entry;
                }
            }
            else if (current.InfoUtf8.SequenceEqual(entry.InfoUtf8))
            {
                return current;
            }
            else if (_entries.TryUpdate(entry.Id, entry, current))
            {
                return entry;
            }
        }
    }

    /// <summary>
    /// Reads a map of servers (<c>{id: info, ...}</c>, pomelo's replaceServer and subscribe reply) in one pass over its
    /// UTF-8 JSON, without a document; entries without an id take their key.
    /// </summary>
    /// <param name="map">The map's UTF-8 JSON (a valid JSON value).</param>
    /// <returns>The entries; null when the value is not an object (no map at all, not an empty one).</returns>
    public List<ServerEntry>? ReadMap(ReadOnlySpan<byte> map)
    {
        scoped var reader = new Utf8JsonReader(map);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        // About 100-200 bytes a server: a list sized for the map rather than grown into it.
        var entries = new List<ServerEntry>(Math.Min(map.Length / 96, 1 << 16));
        Span<char> keyBuffer = stackalloc char[ServerInfoReader.IdBufferLength];

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = ServerInfoReader.CopyText(ref reader, keyBuffer);
            reader.Read();
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            if (FromInfo(map[start..(int)reader.BytesConsumed], key) is { } entry)
            {
                entries.Add(entry);
            }
        }

        return entries;
    }

    private string Intern(string text)
    {
        if (_texts.TryGetValue(text, out var shared))
        {
            return shared;
        }

        return _texts.Count < MaxTexts ? _texts.GetOrAdd(text, text) : text;
    }
}
