using System.Collections.Immutable;
using System.Text;

namespace Pomelo.Akka.Config;

/// <summary>Turns the parts of a value written on one line into a single value or a concatenation.</summary>
internal static class HoconValueAssembler
{
    /// <summary>
    /// Trims surrounding whitespace, joins runs of unquoted text (keeping inner whitespace, so <c>hello world</c>
    /// stays one unquoted value), maps a lone unquoted <c>null</c> to a null scalar, and keeps anything else as a
    /// <see cref="HoconConcatenation"/>.
    /// </summary>
    /// <param name="parts">The parts in source order, whitespace included.</param>
    /// <param name="start">The token where the value was expected, for the error when there is no value.</param>
    public static HoconValue Assemble(IReadOnlyList<HoconValue> parts, HoconToken start)
    {
        var first = 0;
        var last = parts.Count - 1;
        while (first <= last && IsWhitespace(parts[first]))
        {
            first++;
        }

        while (last >= first && IsWhitespace(parts[last]))
        {
            last--;
        }

        if (first > last)
        {
            throw new HoconParseException($"expected a value, found {start.Describe()}", start.Position);
        }

        var trimmed = parts.Skip(first).Take(last - first + 1).ToImmutableArray();
        if (trimmed.All(p => p is HoconScalar { Kind: HoconScalarKind.Unquoted or HoconScalarKind.Whitespace }))
        {
            var text = new StringBuilder();
            foreach (var part in trimmed)
            {
                text.Append(((HoconScalar)part).Value);
            }

            var value = text.ToString();
            return new HoconScalar(value == "null" ? null : value, HoconScalarKind.Unquoted, trimmed[0].Position);
        }

        return trimmed.Length == 1 ? trimmed[0] : new HoconConcatenation(trimmed, trimmed[0].Position);
    }

    private static bool IsWhitespace(HoconValue value) => value is HoconScalar { Kind: HoconScalarKind.Whitespace };
}
