using Microsoft.Extensions.Configuration;

namespace Pomelo.Akka.Config;

/// <summary>Loads a HOCON file into configuration keys separated by <see cref="ConfigurationPath.KeyDelimiter"/>.</summary>
public sealed class HoconConfigurationProvider : FileConfigurationProvider
{
    /// <summary>Creates a provider for the given source.</summary>
    /// <param name="source">The source describing the file and the environment lookup.</param>
    public HoconConfigurationProvider(HoconConfigurationSource source)
        : base(source)
    {
    }

    /// <summary>
    /// Parses the stream as HOCON. Includes resolve relative to the file's physical directory when the file provider
    /// exposes one, otherwise relative to the current directory.
    /// </summary>
    /// <param name="stream">The file content.</param>
    public override void Load(Stream stream)
    {
        var source = (HoconConfigurationSource)Source;
        using var reader = new StreamReader(stream, detectEncodingFromByteOrderMarks: true);
        var text = reader.ReadToEnd();
        var physicalPath = source.Path is { } path ? source.FileProvider?.GetFileInfo(path).PhysicalPath : null;
        var directory = physicalPath is null ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(physicalPath) ?? Directory.GetCurrentDirectory();
        var options = new HoconLoadOptions(physicalPath ?? source.Path ?? "<stream>", directory, physicalPath, source.EnvironmentLookup);
        Data = HoconDocumentLoader.LoadFlattened(text, options);
    }
}
