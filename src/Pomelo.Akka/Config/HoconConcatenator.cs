using System.Text;

namespace Pomelo.Akka.Config;

/// <summary>Joins the resolved parts of a value concatenation: strings concatenate, arrays append, objects merge.</summary>
internal static class HoconConcatenator
{
    /// <summary>
    /// Joins resolved parts (undefined optional substitutions already removed). Returns <see langword="null"/> when nothing
    /// but whitespace is left, and the part itself when only one non-whitespace part is left.
    /// </summary>
    public static HoconValue? Join(IReadOnlyList<HoconValue> parts, HoconPosition position)
    {
        var solid = parts.Where(p => p is not HoconScalar { Kind: HoconScalarKind.Whitespace }).ToList();
        if (solid.Count <= 1)
        {
            return solid.FirstOrDefault();
        }

        if (solid.Any(p => p is HoconObject))
        {
            RequireAll<HoconObject>(solid, position, "an object");
            return solid.Aggregate((HoconValue?)null, HoconTreeEdits.Merge);
        }

        if (solid.Any(p => p is HoconArray))
        {
            RequireAll<HoconArray>(solid, position, "an array");
            return new HoconArray([.. solid.Cast<HoconArray>().SelectMany(a => a.Elements)], position);
        }

        var text = new StringBuilder();
        foreach (var part in parts)
        {
            text.Append(((HoconScalar)part).Value ?? "null");
        }

        return new HoconScalar(text.ToString(), HoconScalarKind.Quoted, position);
    }

    private static void RequireAll<T>(IEnumerable<HoconValue> parts, HoconPosition position, string what)
    {
        if (parts.FirstOrDefault(p => p is not T) is { } odd)
        {
            var kind = odd switch
            {
                HoconObject => "an object",
                HoconArray => "an array",
                _ => "a string",
            };
            throw new HoconParseException($"cannot concatenate {what} with {kind}: expected all parts of the value to be {what.Split(' ')[1]}s", position);
        }
    }
}
