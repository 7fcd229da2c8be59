using Microsoft.Extensions.Configuration;

namespace Pomelo.Akka.Node.Configuration;

/// <summary>
/// Loads a node's configuration: <c>hocon/reference.conf</c> (every default), then the cluster file given with
/// <c>--config</c> (the shipped sample when none is given), then <c>POMELO__</c> environment variables.
/// Relative file paths in <c>pomelo.auth</c> are resolved against the cluster file's folder.
/// </summary>
internal static class NodeConfiguration
{
    /// <summary>Gets the sample cluster shipped next to the executable.</summary>
    public static string DefaultConfigPath => Path.Combine(AppContext.BaseDirectory, "hocon", "sample", "cluster.conf");

    public static IConfigurationRoot Load(string? configPath, string? environment)
    {
        var path = Path.GetFullPath(configPath ?? DefaultConfigPath);
        if (Directory.Exists(path))
        {
            path = Path.Combine(path, "cluster.conf");
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"config file not found: {path}", path);
        }

        var builder = new ConfigurationBuilder();
        var reference = Path.Combine(AppContext.BaseDirectory, "hocon", "reference.conf");
        if (File.Exists(reference))
        {
            builder.AddHoconFile(reference);
        }

        builder.AddHoconFile(path);
        builder.AddEnvironmentVariables("POMELO__");
        if (environment is not null)
        {
            builder.AddInMemoryCollection([new KeyValuePair<string, string?>("pomelo:env", environment)]);
        }

        IConfigurationRoot root;
        try
        {
            root = builder.Build();
        }
        catch (InvalidDataException ex) when (ex.InnerException is Pomelo.Akka.Config.HoconParseException parse)
        {
            // The file provider wraps parse errors; surface the one that names file:line:column.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(parse);
            throw;
        }

        var baseDir = Path.GetDirectoryName(path)!;
        var overrides = new Dictionary<string, string?>();
        foreach (var key in new[] { "pomelo:auth:adminUserFile", "pomelo:auth:adminServerFile" })
        {
            if (root[key] is { Length: > 0 } file && !Path.IsPathRooted(file))
            {
                overrides[key] = Path.GetFullPath(Path.Combine(baseDir, file));
            }
        }

        overrides["pomelo:configFile"] = path;
        return new ConfigurationBuilder().AddConfiguration(root).AddInMemoryCollection(overrides).Build();
    }
}
