using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Pomelo.Akka.Node.Configuration;

/// <summary>The servers configured for an environment: <c>pomelo.servers.&lt;env&gt;.&lt;serverType&gt; = [ {id, host, port, ...} ]</c>.</summary>
internal static class ServerDirectory
{
    public static IReadOnlyList<ServerEntry> Read(IConfiguration configuration)
    {
        var env = configuration["pomelo:env"] ?? "development";
        var list = new List<ServerEntry>();
        foreach (var type in configuration.GetSection($"pomelo:servers:{env}").GetChildren())
        {
            foreach (var server in type.GetChildren())
            {
                var fields = server.GetChildren().Where(c => c.Value is not null).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
                var id = server["id"] ?? throw new InvalidOperationException($"{server.Path}: a server entry needs an 'id'.");
                int? port = server["port"] is { } p ? int.Parse(p, CultureInfo.InvariantCulture) : null;
                list.Add(new ServerEntry(id, type.Key, server["host"] ?? "127.0.0.1", port, fields));
            }
        }

        var duplicate = list.GroupBy(s => s.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"server id '{duplicate.Key}' is configured twice in environment {env}.");
        }

        return list;
    }
}
