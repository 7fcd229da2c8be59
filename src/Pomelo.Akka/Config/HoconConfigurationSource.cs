using Microsoft.Extensions.Configuration;

namespace Pomelo.Akka.Config;

/// <summary>A configuration source reading a HOCON (or JSON) file, with includes and substitutions.</summary>
public sealed class HoconConfigurationSource : FileConfigurationSource
{
    /// <summary>Looks up environment variables for substitutions not found in the document; defaults to the process environment.</summary>
    public Func<string, string?> EnvironmentLookup { get; set; } = Environment.GetEnvironmentVariable;

    /// <summary>Builds the <see cref="HoconConfigurationProvider"/> for this source.</summary>
    /// <param name="builder">The configuration builder, supplying the default file provider.</param>
    public override IConfigurationProvider Build(IConfigurationBuilder builder)
    {
        EnsureDefaults(builder);
        return new HoconConfigurationProvider(this);
    }
}
