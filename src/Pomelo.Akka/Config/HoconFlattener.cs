using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Pomelo.Akka.Config;

/// <summary>
/// Flattens a resolved tree into configuration key/value pairs: object fields and array indexes joined with
/// <see cref="ConfigurationPath.KeyDelimiter"/>, unquoted scalars normalised by <see cref="HoconScalarNormalizer"/>.
/// </summary>
internal static class HoconFlattener
{
    /// <summary>Flattens a resolved tree; keys compare case-insensitively like the rest of configuration.</summary>
    public static IDictionary<string, string?> Flatten(HoconValue root)
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        Visit(root, null, data);
        return data;
    }

    private static void Visit(HoconValue value, string? key, Dictionary<string, string?> data)
    {
        switch (value)
        {
            case HoconObject obj:
                MarkEmpty(obj.Fields.Count, key, data);
                foreach (var (name, field) in obj.Fields)
                {
                    Visit(field, Combine(key, name), data);
                }

                break;
            case HoconArray array:
                MarkEmpty(array.Elements.Length, key, data);
                for (var i = 0; i < array.Elements.Length; i++)
                {
                    Visit(array.Elements[i], Combine(key, i.ToString(CultureInfo.InvariantCulture)), data);
                }

                break;
            case HoconScalar scalar:
                data[key ?? string.Empty] = scalar is { Kind: HoconScalarKind.Unquoted, Value: { } text }
                    ? HoconScalarNormalizer.Normalize(text)
                    : scalar.Value;
                break;
            default:
                throw new InvalidOperationException($"Unexpected unresolved node {value.GetType().Name} while flattening.");
        }
    }

    private static void MarkEmpty(int count, string? key, Dictionary<string, string?> data)
    {
        if (count == 0 && key is not null)
        {
            data[key] = null;
        }
    }

    private static string Combine(string? prefix, string key) => prefix is null ? key : ConfigurationPath.Combine(prefix, key);
}
