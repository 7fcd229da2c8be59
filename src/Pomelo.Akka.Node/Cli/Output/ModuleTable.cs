using System.Text.Json;
using Pomelo.Akka.Console;
using Spectre.Console;

namespace Pomelo.Akka.Node.Cli.Output;

/// <summary>Renders module statuses (<c>module list</c>, <c>show modules</c>); enum fields may come as numbers or names.</summary>
internal static class ModuleTable
{
    /// <summary>Builds the table.</summary>
    /// <param name="modules">Objects with id, enabled, state, schedule, intervalSeconds, restarts, lastError.</param>
    /// <param name="title">An optional title (the server).</param>
    /// <returns>The table.</returns>
    public static Table Create(IEnumerable<JsonElement> modules, string? title = null)
    {
        var table = Tables.Create("ID", "ENABLED", "STATE", "SCHEDULE", "INTERVAL (s)>", "RESTARTS>", "LAST ERROR");
        if (title is not null)
        {
            table.Title = new TableTitle(Markup.Escape(title));
        }

        foreach (var module in modules)
        {
            table.Row(
                module.Text("id"),
                module.Text("enabled"),
                NameOf<ModuleState>(module.Field("state")),
                NameOf<ScheduleType>(module.Field("schedule")),
                module.Text("intervalSeconds"),
                module.Text("restarts"),
                module.Text("lastError"));
        }

        return table;
    }

    private static string? NameOf<TEnum>(JsonElement? value)
        where TEnum : struct, Enum
    {
        if (value is { ValueKind: JsonValueKind.Number } number && number.TryGetInt32(out var n) && Enum.IsDefined(typeof(TEnum), n))
        {
            return Enum.GetName(typeof(TEnum), n)!.ToLowerInvariant();
        }

        return value is { } v ? JsonReply.Display(v) : null;
    }
}
