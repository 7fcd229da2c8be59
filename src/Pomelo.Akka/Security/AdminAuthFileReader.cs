using System.Globalization;
using System.Text.Json;

namespace Pomelo.Akka.Security;

/// <summary>
/// Reads pomelo's JSON admin files (<c>adminUser.json</c>, <c>adminServer.json</c>): a JSON array of objects,
/// tolerant of extra fields, comments and trailing commas, with errors that name the file.
/// </summary>
internal static class AdminAuthFileReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>Reads and parses <paramref name="path"/>; a missing or invalid file throws an exception naming it.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not valid JSON or not in the expected shape.</exception>
    public static T Load<T>(string path, string description, Func<string, T> parse)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException($"The {description} '{fullPath}' does not exist.", fullPath);
        }

        var json = File.ReadAllText(fullPath);
        try
        {
            return parse(json);
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException)
        {
            throw new InvalidDataException($"The {description} '{fullPath}' is invalid: {ex.Message}", ex);
        }
    }

    /// <summary>Parses a JSON array of objects, handing each object and its index to <paramref name="read"/>.</summary>
    /// <exception cref="JsonException">The text is not valid JSON.</exception>
    /// <exception cref="InvalidDataException">The root is not an array or an element is not an object.</exception>
    public static List<T> ParseArray<T>(string json, Func<JsonElement, int, T> read)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json, DocumentOptions);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"expected a JSON array at the root, found {document.RootElement.ValueKind}.");
        }

        var items = new List<T>();
        var index = 0;
        foreach (var element in document.RootElement.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"entry {index} is {element.ValueKind}, expected an object.");
            }

            items.Add(read(element, index));
            index++;
        }

        return items;
    }

    /// <summary>Gets a required, non-empty string property (name matched case-insensitively).</summary>
    /// <exception cref="InvalidDataException">The property is missing, empty or not a string.</exception>
    public static string RequiredString(JsonElement entry, int index, string name) =>
        OptionalString(entry, index, name) is { Length: > 0 } value
            ? value
            : throw new InvalidDataException($"entry {index} has no non-empty \"{name}\".");

    /// <summary>Gets an optional string property; a number is accepted as its JSON text (e.g. numeric ids).</summary>
    /// <exception cref="InvalidDataException">The property is present but neither a string, a number nor null.</exception>
    public static string? OptionalString(JsonElement entry, int index, string name)
    {
        if (!TryGetProperty(entry, name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.Null => null,
            _ => throw new InvalidDataException($"entry {index} has a \"{name}\" that is {value.ValueKind}, expected a string."),
        };
    }

    /// <summary>Gets an optional integer property; a string holding an integer is accepted too.</summary>
    /// <exception cref="InvalidDataException">The property is present but not an integer.</exception>
    public static int? OptionalInt(JsonElement entry, int index, string name)
    {
        if (!TryGetProperty(entry, name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
        {
            return number;
        }

        if (value.ValueKind == JsonValueKind.String
            && int.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out number))
        {
            return number;
        }

        throw new InvalidDataException($"entry {index} has a \"{name}\" that is not an integer.");
    }

    private static bool TryGetProperty(JsonElement entry, string name, out JsonElement value)
    {
        if (entry.TryGetProperty(name, out value))
        {
            return true;
        }

        foreach (var property in entry.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        return false;
    }
}
