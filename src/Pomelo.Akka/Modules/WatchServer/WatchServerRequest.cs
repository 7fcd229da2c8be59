using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Pomelo.Akka.Modules.WatchServer;

/// <summary>A parsed <c>watchServer</c> body: <c>{command, serverId?, key?, value?, expression?}</c>.</summary>
/// <param name="Command">The command (not yet checked against the known ones).</param>
/// <param name="ServerId">The target server, or null for the master.</param>
/// <param name="Key">The setting key or dump kind, if any.</param>
/// <param name="Value">The value to set, if present (a JSON <c>null</c> is a present value).</param>
/// <param name="Expression">The expression to run, if any.</param>
internal sealed record WatchServerRequest(string Command, string? ServerId, string? Key, JsonElement? Value, string? Expression)
{
    /// <summary>Reads a body; false for a missing body, a body that is not an object, or fields of the wrong kind.</summary>
    public static bool TryParse(JsonElement? message, [NotNullWhen(true)] out WatchServerRequest? request)
    {
        request = null;
        if (message is not { ValueKind: JsonValueKind.Object } body
            || !body.TryGetProperty("command", out var command) || command.ValueKind != JsonValueKind.String
            || !TryText(body, "serverId", out var serverId)
            || !TryText(body, "key", out var key)
            || !TryText(body, "expression", out var expression))
        {
            return false;
        }

        JsonElement? value = body.TryGetProperty("value", out var v) ? v.Clone() : null;
        request = new WatchServerRequest(command.GetString()!, string.IsNullOrEmpty(serverId) ? null : serverId, key, value, expression);
        return true;
    }

    private static bool TryText(JsonElement body, string name, out string? text)
    {
        text = null;
        if (!body.TryGetProperty(name, out var field) || field.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (field.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        text = field.GetString();
        return true;
    }
}
