using System.Collections.Immutable;

namespace Pomelo.Akka.Config;

/// <summary>The whole pipeline: parse, build (merge and include), resolve substitutions, and optionally flatten.</summary>
internal static class HoconDocumentLoader
{
    /// <summary>Loads a document into a resolved tree.</summary>
    public static HoconValue Load(string text, HoconLoadOptions options)
    {
        var syntax = HoconParser.Parse(text, options.DisplayName);
        var stack = options.FullPath is null ? ImmutableList<string>.Empty : [Path.GetFullPath(options.FullPath)];
        var context = new HoconIncludeContext(options.Directory, stack, []);
        var tree = HoconTreeBuilder.BuildDocument(syntax, context);
        return HoconResolver.Resolve(tree, options.EnvironmentLookup);
    }

    /// <summary>Loads a document into configuration key/value pairs.</summary>
    public static IDictionary<string, string?> LoadFlattened(string text, HoconLoadOptions options) =>
        HoconFlattener.Flatten(Load(text, options));
}
