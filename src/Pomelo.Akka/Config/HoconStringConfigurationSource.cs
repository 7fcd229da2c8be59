using Microsoft.Extensions.Configuration;

namespace Pomelo.Akka.Config;

/// <summary>A configuration source holding HOCON text in memory, for embedded defaults and tests.</summary>
public sealed class HoconStringConfigurationSource : IConfigurationSource
{
    /// <summary>The HOCON (or JSON) document text.</summary>
    public string Hocon { get; set; } = string.Empty;

    /// <summary>The directory relative includes are resolved against; the current directory when <see langword="null"/>.</summary>
    public string? BaseDirectory { get; set; }

    /// <summary>The name used for this document in error positions.</summary>
    public string Name { get; set; } = "<string>";

    /// <summary>Looks up environment variables for substitutions not found in the document; defaults to the process environment.</summary>
    public Func<string, string?> EnvironmentLookup { get; set; } = Environment.GetEnvironmentVariable;

    /// <summary>Builds the <see cref="HoconStringConfigurationProvider"/> for this source.</summary>
    /// <param name="builder">The configuration builder (unused).</param>
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new HoconStringConfigurationProvider(this);
}
