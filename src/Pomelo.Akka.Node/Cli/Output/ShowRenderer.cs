using System.Text.Json;

namespace Pomelo.Akka.Node.Cli.Output;

/// <summary>Renders the replies of <c>watchServer</c>'s view commands (<c>show ...</c>).</summary>
internal static class ShowRenderer
{
    /// <summary>The commands <c>show</c> accepts.</summary>
    public static readonly string[] Commands = ["servers", "connections", "logins", "modules", "status", "config", "components", "settings"];

    /// <summary>Renders one reply.</summary>
    /// <param name="output">The output.</param>
    /// <param name="command">The command that was sent.</param>
    /// <param name="body">Its reply.</param>
    public static void Render(CliOutput output, string command, JsonElement body)
    {
        var server = body.Text("serverId");
        switch (command)
        {
            case "servers":
                Servers(output, body);
                break;
            case "modules":
                output.Render(ModuleTable.Create(body.Items("modules"), server));
                break;
            case "status":
                output.Render(Tables.KeyValue(Status(body), title: server));
                break;
            case "components":
                var components = Tables.Create(server is null ? "COMPONENT" : $"COMPONENT ON {server}");
                foreach (var name in body.Texts("components"))
                {
                    components.Row(name);
                }

                output.Render(components);
                break;
            default:
                Map(output, body.Field(command), server, command);
                break;
        }
    }

    private static void Servers(CliOutput output, JsonElement body)
    {
        var table = Tables.Create("ID", "TYPE", "HOST", "PORT>", "PID>", "STATUS");
        foreach (var s in body.Items("servers"))
        {
            table.Row(s.Text("id"), s.Text("serverType"), s.Text("host"), s.Text("port"), s.Text("pid"), s.Text("status"));
        }

        output.Render(table);
    }

    private static IEnumerable<KeyValuePair<string, string>> Status(JsonElement body)
    {
        foreach (var (key, value) in JsonReply.Flatten(body))
        {
            yield return key switch
            {
                "rss" or "heapUsed" => new(key + " (MB)", Formats.Megabytes(body.Number(key))),
                "uptime" => new(key, Formats.Uptime(body.Number(key))),
                _ => new(key, value),
            };
        }
    }

    private static void Map(CliOutput output, JsonElement? map, string? server, string command)
    {
        if (map is not { ValueKind: JsonValueKind.Object } m || !m.EnumerateObject().Any())
        {
            output.Line($"No {command} on {server ?? "the master"}.");
            return;
        }

        output.Render(Tables.KeyValue(JsonReply.Flatten(m), title: server));
    }
}
