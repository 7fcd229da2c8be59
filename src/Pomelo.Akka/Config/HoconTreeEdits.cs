using System.Collections.Immutable;

namespace Pomelo.Akka.Config;

/// <summary>Pure functions that read, set and merge values at a path in an immutable value tree.</summary>
internal static class HoconTreeEdits
{
    /// <summary>Returns the value currently at the path, or <see langword="null"/> when there is none (or it is not yet knowable).</summary>
    public static HoconValue? GetIn(HoconValue root, IReadOnlyList<string> path)
    {
        HoconValue? current = root;
        foreach (var key in path)
        {
            var container = current switch
            {
                HoconObject o => o,
                HoconDelayedMerge { Values: [.., HoconObject last] } => last,
                _ => null,
            };
            current = container?.Get(key);
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>
    /// Returns a copy of <paramref name="container"/> where the value at <paramref name="path"/> (from <paramref name="index"/> on)
    /// is replaced by <paramref name="leaf"/> applied to the current value. Intermediate non-objects are replaced by objects,
    /// as <c>a.b = 1</c> means <c>a { b = 1 }</c>.
    /// </summary>
    public static HoconValue SetIn(HoconValue? container, IReadOnlyList<string> path, int index, HoconPosition position, Func<HoconValue?, HoconValue> leaf)
    {
        if (index == path.Count)
        {
            return leaf(container);
        }

        var target = EnsureObject(container, position);
        return UpdateObject(target, obj => obj.With(path[index], SetIn(obj.Get(path[index]), path, index + 1, position, leaf)));
    }

    /// <summary>
    /// Makes the value object-shaped for further fields: objects stay, unresolved values become a delayed merge ending in an
    /// empty object, and scalars or arrays are replaced by an empty object (an object after a non-object wins).
    /// </summary>
    public static HoconValue EnsureObject(HoconValue? existing, HoconPosition position) => existing switch
    {
        HoconObject or HoconDelayedMerge { Values: [.., HoconObject] } => existing,
        HoconDelayedMerge merge => merge with { Values = merge.Values.Add(HoconObject.Empty(position)) },
        HoconSubstitution or HoconConcatenation => new HoconDelayedMerge([existing, HoconObject.Empty(position)], existing.Position),
        _ => HoconObject.Empty(position),
    };

    /// <summary>
    /// Merges a later value of a field over an earlier one: two objects merge recursively, a later non-object wins,
    /// and anything involving unresolved substitutions becomes a <see cref="HoconDelayedMerge"/>.
    /// Both the tree builder and the resolver use this.
    /// </summary>
    public static HoconValue Merge(HoconValue? earlier, HoconValue later)
    {
        if (earlier is null)
        {
            return later;
        }

        if (earlier is HoconObject earlierObject && later is HoconObject laterObject)
        {
            var fields = earlierObject.Fields;
            foreach (var (key, value) in laterObject.Fields)
            {
                fields = fields.SetItem(key, Merge(fields.GetValueOrDefault(key), value));
            }

            return earlierObject with { Fields = fields };
        }

        if (!IsResolved(later) || (later is HoconObject && !IsResolved(earlier)))
        {
            return earlier is HoconDelayedMerge merge
                ? merge with { Values = merge.Values.Add(later) }
                : new HoconDelayedMerge([earlier, later], earlier.Position);
        }

        return later;
    }

    private static bool IsResolved(HoconValue value) => value is HoconScalar or HoconArray or HoconObject;

    private static HoconValue UpdateObject(HoconValue target, Func<HoconObject, HoconObject> update) => target switch
    {
        HoconObject obj => update(obj),
        HoconDelayedMerge { Values: [.., HoconObject last] } merge =>
            merge with { Values = merge.Values.SetItem(merge.Values.Length - 1, update(last)) },
        _ => throw new InvalidOperationException("EnsureObject always yields an object or a delayed merge ending in one."),
    };
}
