using Microsoft.Extensions.Configuration;

namespace Pomelo.Akka.Config;

/// <summary>Loads in-memory HOCON text into configuration keys separated by <see cref="ConfigurationPath.KeyDelimiter"/>.</summary>
public sealed class HoconStringConfigurationProvider : ConfigurationProvider
{
    private readonly HoconStringConfigurationSource _source;

    /// <summary>Creates a provider for the given source.</summary>
    /// <param name="source">The source holding the text, base directory and environment lookup.</param>
    public HoconStringConfigurationProvider(HoconStringConfigurationSource source) => _source = source;

    /// <summary>Parses the text, resolving includes against the base directory (or the current directory).</summary>
    public override void Load()
    {
        var directory = _source.BaseDirectory ?? Directory.GetCurrentDirectory();
        var options = new HoconLoadOptions(_source.Name, directory, FullPath: null, _source.EnvironmentLookup);
        Data = HoconDocumentLoader.LoadFlattened(_source.Hocon, options);
    }
}
