using System.Globalization;
using System.Text.Json;

namespace Pomelo.Akka.Node.Cli.Output;

/// <summary>Lenient readers of reply bodies: a missing field reads as null or empty, never throws.</summary>
internal static class JsonReply
{
    /// <summary>Returns the body, or throws when it is empty.</summary>
    /// <param name="body">The reply body.</param>
    /// <returns>The body.</returns>
    public static JsonElement Require(JsonElement? body) => body ?? throw new ReplyFormatException("the reply is empty");

    /// <summary>Returns a field's value.</summary>
    /// <param name="element">An object.</param>
    /// <param name="name">The field.</param>
    /// <returns>The value, or null when missing, null, or not an object.</returns>
    public static JsonElement? Field(this JsonElement element, string name)
        => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    /// <summary>Returns a field as display text.</summary>
    /// <param name="element">An object.</param>
    /// <param name="name">The field.</param>
    /// <returns>The text, or null when missing.</returns>
    public static string? Text(this JsonElement element, string name) => element.Field(name) is { } value ? Display(value) : null;

    /// <summary>Returns a numeric field.</summary>
    /// <param name="element">An object.</param>
    /// <param name="name">The field.</param>
    /// <returns>The number, or null when missing or not a number.</returns>
    public static double? Number(this JsonElement element, string name)
        => element.Field(name) is { ValueKind: JsonValueKind.Number } value ? value.GetDouble() : null;

    /// <summary>Returns a boolean field.</summary>
    /// <param name="element">An object.</param>
    /// <param name="name">The field.</param>
    /// <returns>The value, or null when missing or not a boolean.</returns>
    public static bool? Flag(this JsonElement element, string name) => element.Field(name) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => null,
    };

    /// <summary>Returns an array field's items.</summary>
    /// <param name="element">An object.</param>
    /// <param name="name">The field.</param>
    /// <returns>The items; none when missing or not an array.</returns>
    public static IReadOnlyList<JsonElement> Items(this JsonElement element, string name)
        => element.Field(name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray().ToList() : [];

    /// <summary>Returns an array field's items as display texts.</summary>
    /// <param name="element">An object.</param>
    /// <param name="name">The field.</param>
    /// <returns>The texts.</returns>
    public static IReadOnlyList<string> Texts(this JsonElement element, string name) => element.Items(name).Select(Display).ToList();

    /// <summary>Turns a value into display text: strings as they are, numbers invariant, anything else as compact JSON.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Display(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? string.Empty,
        JsonValueKind.Number => value.TryGetInt64(out var l) ? l.ToString(CultureInfo.InvariantCulture) : value.GetDouble().ToString(CultureInfo.InvariantCulture),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null or JsonValueKind.Undefined => "-",
        _ => value.GetRawText(),
    };

    /// <summary>Flattens an object into dotted keys and display values (arrays stay JSON).</summary>
    /// <param name="element">The object.</param>
    /// <param name="prefix">The key prefix of nested objects.</param>
    /// <returns>The pairs in document order.</returns>
    public static IEnumerable<KeyValuePair<string, string>> Flatten(JsonElement element, string prefix = "")
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            yield return new(prefix.Length == 0 ? "value" : prefix, Display(element));
            yield break;
        }

        foreach (var property in element.EnumerateObject())
        {
            var key = prefix.Length == 0 ? property.Name : prefix + "." + property.Name;
            if (property.Value.ValueKind == JsonValueKind.Object && property.Value.EnumerateObject().Any())
            {
                foreach (var nested in Flatten(property.Value, key))
                {
                    yield return nested;
                }
            }
            else
            {
                yield return new(key, Display(property.Value));
            }
        }
    }
}
