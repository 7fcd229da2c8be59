using System.Collections.Immutable;

namespace Pomelo.Akka.Config;

/// <summary>
/// Applies the fields of a parsed document in order: merges duplicate objects, lets later values win, expands includes,
/// turns <c>+=</c> into array concatenation and replaces self-references (<c>path = ${path}:more</c>) by the earlier value;
/// a self-reference that differs only in letter case (<c>port = ${?PORT}</c>) consults only the environment.
/// Substitutions are left in place for <see cref="HoconResolver"/>.
/// </summary>
internal sealed class HoconTreeBuilder
{
    private readonly bool _isDocumentRoot;
    private HoconObject _root;
    private bool _selfReferenced;

    private HoconTreeBuilder(HoconPosition position, bool isDocumentRoot)
    {
        _root = HoconObject.Empty(position);
        _isDocumentRoot = isDocumentRoot;
    }

    /// <summary>Builds the merged tree of a parsed document (an object, or an array for array-rooted JSON).</summary>
    public static HoconValue BuildDocument(HoconValue syntax, HoconIncludeContext context) => syntax switch
    {
        HoconObjectSyntax obj => Build(obj, context, isDocumentRoot: true),
        _ => new HoconTreeBuilder(syntax.Position, isDocumentRoot: false).Convert(syntax, context, [], previous: null),
    };

    private static HoconObject Build(HoconObjectSyntax syntax, HoconIncludeContext context, bool isDocumentRoot)
    {
        var builder = new HoconTreeBuilder(syntax.Position, isDocumentRoot);
        builder.ApplyObject([], syntax, context);
        return builder._root;
    }

    private void ApplyObject(ImmutableArray<string> prefix, HoconObjectSyntax syntax, HoconIncludeContext context)
    {
        foreach (var member in syntax.Members)
        {
            switch (member)
            {
                case HoconField field:
                    ApplyField(prefix, field, context);
                    break;
                case HoconInclude include:
                    ApplyInclude(prefix, include, context);
                    break;
            }
        }
    }

    private void ApplyField(ImmutableArray<string> prefix, HoconField field, HoconIncludeContext context)
    {
        var path = prefix.AddRange(field.Path);
        if (!field.Append && field.Value is HoconObjectSyntax obj)
        {
            SetAt(path, obj.Position, existing => HoconTreeEdits.EnsureObject(existing, obj.Position));
            ApplyObject(path, obj, context);
            return;
        }

        var previous = HoconTreeEdits.GetIn(_root, path);
        _selfReferenced = false;
        var value = Convert(field.Value, context, path, previous);
        if (field.Append)
        {
            HoconArray appended = new([value], value.Position);
            SetAt(path, field.Position, _ => previous is null ? appended : new HoconConcatenation([previous, appended], previous.Position));
        }
        else if (_selfReferenced)
        {
            SetAt(path, field.Position, _ => value);
        }
        else
        {
            SetAt(path, field.Position, existing => HoconTreeEdits.Merge(existing, value));
        }
    }

    private void ApplyInclude(ImmutableArray<string> prefix, HoconInclude include, HoconIncludeContext context)
    {
        if (HoconIncludeLoader.Load(include, context) is not ({ } root, { } included))
        {
            return;
        }

        var substitutionPrefix = _isDocumentRoot ? prefix : context.Prefix;
        ApplyObject(prefix, root, included with { Prefix = substitutionPrefix });
    }

    private HoconValue Convert(HoconValue value, HoconIncludeContext context, ImmutableArray<string> fieldPath, HoconValue? previous) => value switch
    {
        HoconObjectSyntax obj => Build(obj, context, isDocumentRoot: false),
        HoconArray array => array with { Elements = [.. array.Elements.Select(e => Convert(e, context, fieldPath, previous))] },
        HoconConcatenation concat => concat with { Parts = [.. concat.Parts.Select(p => Convert(p, context, fieldPath, previous))] },
        HoconSubstitution substitution => Rewrite(substitution, context, fieldPath, previous),
        _ => value,
    };

    private HoconValue Rewrite(HoconSubstitution substitution, HoconIncludeContext context, ImmutableArray<string> fieldPath, HoconValue? previous)
    {
        if (!context.Prefix.IsEmpty)
        {
            substitution = substitution with
            {
                Path = context.Prefix.AddRange(substitution.Path),
                FallbackPath = substitution.Path,
            };
        }

        if (!_isDocumentRoot || !substitution.Path.SequenceEqual(fieldPath, StringComparer.OrdinalIgnoreCase))
        {
            return substitution;
        }

        if (!substitution.Path.SequenceEqual(fieldPath, StringComparer.Ordinal))
        {
            // `port = ${?PORT}`: a distinct path in case-sensitive HOCON, so it names an environment variable,
            // even though our case-insensitive keys would otherwise find the field itself.
            return substitution with { EnvironmentOnly = true };
        }

        _selfReferenced = true;
        return previous ?? substitution with { EnvironmentOnly = true };
    }

    private void SetAt(ImmutableArray<string> path, HoconPosition position, Func<HoconValue?, HoconValue> leaf) =>
        _root = (HoconObject)HoconTreeEdits.SetIn(_root, path, 0, position, leaf);
}
