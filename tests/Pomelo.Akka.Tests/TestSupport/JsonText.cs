using System.Text;
using System.Text.Json;

namespace Pomelo.Akka.Tests.TestSupport;

/// <summary>JSON helpers for envelope tests.</summary>
public static class JsonText
{
    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>pomelo's string form: a JSON string literal whose content is <paramref name="json"/> (like JSON.stringify).</summary>
    public static string StringForm(string json) => "\"" + json.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    /// <summary>The payload as sent: plain JSON, or pomelo's string form.</summary>
    public static byte[] Payload(string json, bool stringForm) => Utf8(stringForm ? StringForm(json) : json);

    public static JsonElement Parse(string json) => JsonElement.Parse(json);

    public static void Equal(string expectedJson, JsonElement? actual)
    {
        Assert.NotNull(actual);
        Assert.True(JsonElement.DeepEquals(Parse(expectedJson), actual.Value), $"expected {expectedJson} but was {actual.Value.GetRawText()}");
    }
}
