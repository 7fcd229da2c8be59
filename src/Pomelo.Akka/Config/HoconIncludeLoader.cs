namespace Pomelo.Akka.Config;

/// <summary>Finds, reads and parses included files, enforcing <c>required(...)</c> and rejecting include cycles.</summary>
internal static class HoconIncludeLoader
{
    private static StringComparer PathComparer => OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    /// <summary>
    /// Loads an included file. Returns <see langword="null"/> for a missing optional include.
    /// A name without extension also tries <c>.conf</c> and <c>.json</c>.
    /// </summary>
    public static (HoconObjectSyntax Root, HoconIncludeContext Context)? Load(HoconInclude include, HoconIncludeContext context)
    {
        var path = Path.GetFullPath(Path.Combine(context.Directory, include.FileName));
        string[] candidates = Path.HasExtension(path) ? [path] : [path, path + ".conf", path + ".json"];
        var found = candidates.FirstOrDefault(File.Exists);
        if (found is null)
        {
            if (include.Required)
            {
                throw new HoconParseException($"required include '{include.FileName}' was not found (looked for '{path}')", include.Position);
            }

            return null;
        }

        if (context.FileStack.Contains(found, PathComparer))
        {
            var chain = string.Join(" -> ", context.FileStack.Add(found).Select(Path.GetFileName));
            throw new HoconParseException($"include cycle: {chain}; expected included files not to include each other", include.Position);
        }

        var syntax = HoconParser.Parse(File.ReadAllText(found), found);
        if (syntax is not HoconObjectSyntax root)
        {
            throw new HoconParseException($"included file '{include.FileName}' must contain an object, not an array", syntax.Position);
        }

        var directory = Path.GetDirectoryName(found) ?? context.Directory;
        return (root, context with { Directory = directory, FileStack = context.FileStack.Add(found) });
    }
}
