using System.Collections.Immutable;

namespace Pomelo.Akka.Config;

/// <summary>
/// Resolves substitutions against the whole merged document (forward references included), falls back to environment
/// variables, folds delayed merges and concatenations, and detects cycles. The result contains only
/// <see cref="HoconObject"/>, <see cref="HoconArray"/> and <see cref="HoconScalar"/> nodes.
/// </summary>
internal sealed class HoconResolver
{
    private readonly HoconValue _root;
    private readonly Func<string, string?> _environment;
    private readonly Dictionary<HoconValue, HoconValue?> _resolved = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<HoconValue> _inProgress = new(ReferenceEqualityComparer.Instance);
    private readonly List<HoconSubstitution> _chain = [];

    private HoconResolver(HoconValue root, Func<string, string?> environment)
    {
        _root = root;
        _environment = environment;
    }

    /// <summary>Resolves every substitution in the tree.</summary>
    /// <param name="root">The merged document from <see cref="HoconTreeBuilder"/>.</param>
    /// <param name="environment">Looks up environment variables by name.</param>
    public static HoconValue Resolve(HoconValue root, Func<string, string?> environment) =>
        new HoconResolver(root, environment).ResolveNode(root) ?? HoconObject.Empty(root.Position);

    private HoconValue? ResolveNode(HoconValue node)
    {
        if (node is HoconScalar)
        {
            return node;
        }

        if (_resolved.TryGetValue(node, out var done))
        {
            return done;
        }

        if (!_inProgress.Add(node))
        {
            throw CycleError(node);
        }

        var result = node switch
        {
            HoconObject obj => ResolveObject(obj),
            HoconArray array => array with { Elements = [.. array.Elements.Select(ResolveNode).OfType<HoconValue>()] },
            HoconSubstitution substitution => Lookup(substitution),
            HoconConcatenation concat => HoconConcatenator.Join([.. concat.Parts.Select(ResolveNode).OfType<HoconValue>()], concat.Position),
            HoconDelayedMerge merge => merge.Values.Select(ResolveNode).OfType<HoconValue>().Aggregate((HoconValue?)null, HoconTreeEdits.Merge),
            _ => throw new InvalidOperationException($"Unexpected node {node.GetType().Name} in a built tree."),
        };
        _inProgress.Remove(node);
        _resolved[node] = result;
        return result;
    }

    private HoconObject ResolveObject(HoconObject obj)
    {
        var fields = ImmutableDictionary.CreateBuilder<string, HoconValue>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in obj.Fields)
        {
            if (ResolveNode(value) is { } resolved)
            {
                fields[key] = resolved;
            }
        }

        return obj with { Fields = fields.ToImmutable() };
    }

    private HoconValue? Lookup(HoconSubstitution substitution)
    {
        _chain.Add(substitution);
        try
        {
            if (!substitution.EnvironmentOnly)
            {
                var found = Find(substitution.Path) ?? (substitution.FallbackPath is { } fallback ? Find(fallback) : null);
                if (found is not null)
                {
                    return found;
                }
            }

            var name = string.Join('.', substitution.WrittenPath);
            if (_environment(name) is { } variable)
            {
                return new HoconScalar(variable, HoconScalarKind.Quoted, substitution.Position);
            }

            if (substitution.Optional)
            {
                return null;
            }

            throw new HoconParseException(
                $"could not resolve substitution {substitution.Display}: expected the path to exist in the document or an environment variable named '{name}' (use ${{?{name}}} to make it optional)",
                substitution.Position);
        }
        finally
        {
            _chain.RemoveAt(_chain.Count - 1);
        }
    }

    private HoconValue? Find(ImmutableArray<string> path)
    {
        var current = _root;
        foreach (var key in path)
        {
            var container = current as HoconObject ?? (current is HoconScalar or HoconArray ? null : ResolveNode(current) as HoconObject);
            if (container?.Get(key) is not { } child)
            {
                return null;
            }

            current = child;
        }

        return ResolveNode(current);
    }

    private HoconParseException CycleError(HoconValue node)
    {
        if (_chain.Count == 0)
        {
            return new HoconParseException("substitution cycle", node.Position);
        }

        var chain = string.Join(" -> ", _chain.Select(s => s.Display));
        return new HoconParseException($"substitution cycle: {chain}; expected substitutions not to refer back to themselves", _chain[^1].Position);
    }
}
