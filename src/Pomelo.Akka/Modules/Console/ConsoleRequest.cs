using System.Text.Json;
using Pomelo.Akka.Errors;

namespace Pomelo.Akka.Modules.Console;

/// <summary>A parsed <c>__console__</c> request body: <c>{signal, ids?, args?, type?, moduleId?, serverId?}</c>.</summary>
/// <param name="Signal">The command.</param>
/// <param name="Ids">Target server ids (empty: all).</param>
/// <param name="Args">Free arguments (add's key=value pairs, blacklist's addresses).</param>
/// <param name="Type">A server type (restart).</param>
/// <param name="ModuleId">A module id (enable / disable).</param>
/// <param name="ServerId">One server (enable / disable).</param>
internal sealed record ConsoleRequest(string Signal, IReadOnlyList<string> Ids, IReadOnlyList<string> Args, string? Type, string? ModuleId, string? ServerId)
{
    public static ConsoleRequest Parse(JsonElement? message)
    {
        if (message is not { ValueKind: JsonValueKind.Object } body || Text(body, "signal") is not { Length: > 0 } signal)
        {
            throw new AdminRequestException("invalid console request: expected {signal, ...}");
        }

        return new ConsoleRequest(signal, List(body, "ids"), List(body, "args"), Text(body, "type"), Text(body, "moduleId"), Text(body, "serverId"));
    }

    private static string? Text(JsonElement body, string name)
        => body.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static List<string> List(JsonElement body, string name)
    {
        if (!body.TryGetProperty(name, out var v))
        {
            return [];
        }

        return v.ValueKind switch
        {
            JsonValueKind.Array => v.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList(),
            JsonValueKind.String => [v.GetString()!],
            _ => [],
        };
    }
}
