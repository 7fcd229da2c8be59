using Microsoft.Extensions.FileProviders;
using Pomelo.Akka.Config;

namespace Microsoft.Extensions.Configuration;

/// <summary>Adds HOCON files and strings to an <see cref="IConfigurationBuilder"/>.</summary>
public static class HoconConfigurationExtensions
{
    /// <summary>Adds a HOCON (or JSON) file. A relative path resolves against the builder's base path.</summary>
    /// <param name="builder">The configuration builder.</param>
    /// <param name="path">The file path.</param>
    /// <param name="optional">Whether a missing file is ignored.</param>
    /// <param name="reloadOnChange">Whether the configuration reloads when the file changes.</param>
    public static IConfigurationBuilder AddHoconFile(this IConfigurationBuilder builder, string path, bool optional = false, bool reloadOnChange = false) =>
        builder.AddHoconFile(provider: null, path, optional, reloadOnChange);

    /// <summary>Adds a HOCON file read through the given file provider.</summary>
    /// <param name="builder">The configuration builder.</param>
    /// <param name="provider">The file provider, or <see langword="null"/> for the builder's default.</param>
    /// <param name="path">The file path, relative to the provider's root.</param>
    /// <param name="optional">Whether a missing file is ignored.</param>
    /// <param name="reloadOnChange">Whether the configuration reloads when the file changes.</param>
    public static IConfigurationBuilder AddHoconFile(this IConfigurationBuilder builder, IFileProvider? provider, string path, bool optional, bool reloadOnChange)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(path);
        return builder.AddHoconFile(source =>
        {
            source.FileProvider = provider;
            source.Path = path;
            source.Optional = optional;
            source.ReloadOnChange = reloadOnChange;
            source.ResolveFileProvider();
        });
    }

    /// <summary>Adds a HOCON file source configured by a delegate (for example to inject the environment lookup).</summary>
    /// <param name="builder">The configuration builder.</param>
    /// <param name="configure">Sets up the source.</param>
    public static IConfigurationBuilder AddHoconFile(this IConfigurationBuilder builder, Action<HoconConfigurationSource> configure) =>
        builder.Add(configure);

    /// <summary>Adds HOCON text held in memory.</summary>
    /// <param name="builder">The configuration builder.</param>
    /// <param name="hocon">The document text.</param>
    /// <param name="baseDirectory">The directory relative includes resolve against; the current directory when <see langword="null"/>.</param>
    public static IConfigurationBuilder AddHoconString(this IConfigurationBuilder builder, string hocon, string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(hocon);
        return builder.AddHoconString(source =>
        {
            source.Hocon = hocon;
            source.BaseDirectory = baseDirectory;
        });
    }

    /// <summary>Adds an in-memory HOCON source configured by a delegate (for example to inject the environment lookup).</summary>
    /// <param name="builder">The configuration builder.</param>
    /// <param name="configure">Sets up the source.</param>
    public static IConfigurationBuilder AddHoconString(this IConfigurationBuilder builder, Action<HoconStringConfigurationSource> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(configure);
    }
}
