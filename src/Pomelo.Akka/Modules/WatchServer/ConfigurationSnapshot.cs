using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;

namespace Pomelo.Akka.Modules.WatchServer;

/// <summary>
/// Flattens a node's configuration to <c>key → value</c> (keys as <see cref="IConfiguration"/> spells them, with
/// <c>:</c> between sections) for the <c>config</c> command. The value of every key whose path mentions a token, a
/// password or a secret (any case) is replaced by <see cref="Mask"/>.
/// </summary>
internal static class ConfigurationSnapshot
{
    /// <summary>What a secret value is replaced with.</summary>
    public const string Mask = "***";

    private static readonly string[] SecretWords = ["token", "password", "secret"];

    /// <summary>Flattens a configuration; null gives an empty object.</summary>
    public static JsonObject Of(IConfiguration? configuration)
    {
        var result = new JsonObject();
        if (configuration is null)
        {
            return result;
        }

        foreach (var (key, value) in configuration.AsEnumerable().Where(p => p.Value is not null).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            result[key] = IsSecret(key) ? Mask : value;
        }

        return result;
    }

    /// <summary>Checks whether a key's value must be masked.</summary>
    public static bool IsSecret(string key) => SecretWords.Any(word => key.Contains(word, StringComparison.OrdinalIgnoreCase));
}
