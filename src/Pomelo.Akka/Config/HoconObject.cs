using System.Collections.Immutable;

namespace Pomelo.Akka.Config;

/// <summary>A merged object: field names (case-insensitive, like configuration keys) mapped to values.</summary>
/// <param name="Fields">The fields of the object.</param>
/// <param name="Position">Where the object starts.</param>
internal sealed record HoconObject(ImmutableDictionary<string, HoconValue> Fields, HoconPosition Position) : HoconValue(Position)
{
    /// <summary>Creates an object with no fields.</summary>
    public static HoconObject Empty(HoconPosition position) =>
        new(ImmutableDictionary.Create<string, HoconValue>(StringComparer.OrdinalIgnoreCase), position);

    /// <summary>Returns the value of a field, or <see langword="null"/> when the field is absent.</summary>
    public HoconValue? Get(string key) => Fields.GetValueOrDefault(key);

    /// <summary>Returns a copy of this object with the field set to the value.</summary>
    public HoconObject With(string key, HoconValue value) => this with { Fields = Fields.SetItem(key, value) };
}
