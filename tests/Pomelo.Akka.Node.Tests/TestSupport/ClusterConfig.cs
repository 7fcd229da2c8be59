using System.Net;
using System.Net.Sockets;

namespace Pomelo.Akka.Node.Tests.TestSupport;

/// <summary>A temporary cluster config (HOCON + pomelo JSON auth files) on free loopback ports; deleted on dispose.</summary>
public sealed class ClusterConfig : IDisposable
{
    public ClusterConfig(int serverCount = 2, double intervalSeconds = 1, string extra = "")
    {
        Directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "pomelo-akka-node-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        MasterPort = FreePort();
        ServerIds = Enumerable.Range(1, serverCount).Select(i => i % 2 == 1 ? $"connector-server-{i}" : $"area-server-{i}").ToList();
        File.WriteAllText(System.IO.Path.Combine(Directory, "adminUser.json"), """[{ "id": "user-1", "username": "admin", "password": "admin", "level": 1 }]""");
        File.WriteAllText(System.IO.Path.Combine(Directory, "adminServer.json"), """[{ "type": "connector", "token": "c-token" }, { "type": "area", "token": "a-token" }]""");
        var connectors = string.Join("\n", ServerIds.Where(s => s.StartsWith("connector", StringComparison.Ordinal)).Select(s => $"{{ id = {s}, host = 127.0.0.1, port = {FreePort()}, frontend = true }}"));
        var areas = string.Join("\n", ServerIds.Where(s => s.StartsWith("area", StringComparison.Ordinal)).Select(s => $"{{ id = {s}, host = 127.0.0.1, port = {FreePort()} }}"));
        File.WriteAllText(Path, $$"""
            pomelo {
              master { id = master-test, host = 127.0.0.1, port = {{MasterPort}} }
              monitor { reconnectDelay = 100ms, reconnectDelayMax = 500ms }
              auth { adminUserFile = adminUser.json, adminServerFile = adminServer.json }
              modules = [ { type = "Pomelo.Akka.Node.Modules.TimeReport, pomelo-akka", interval = {{intervalSeconds}} } ]
              servers.development {
                connector = [
                  {{connectors}}
                ]
                area = [
                  {{areas}}
                ]
              }
              {{extra}}
            }
            """);
    }

    public string Directory { get; }

    public string Path => System.IO.Path.Combine(Directory, "cluster.conf");

    public int MasterPort { get; }

    public IReadOnlyList<string> ServerIds { get; }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
