using Pomelo.Akka.Client;
using Pomelo.Akka.Node.Tests.TestSupport;

namespace Pomelo.Akka.Node.Tests.Commands;

public sealed class DaemonStartTests
{
    [Fact]
    public async Task StartDaemon_ReturnsAtOnce_MasterKeepsRunningInTheBackgroundWithItsLog()
    {
        using var config = new ClusterConfig(serverCount: 1);
        await using var launcher = NodeProcess.Start("start", "--config", config.Path, "--daemon");

        Assert.Equal(0, await launcher.WaitForExitAsync());
        var line = launcher.Output;
        Assert.Contains("master started in the background", line, StringComparison.Ordinal);
        var log = Path.Combine(config.Directory, "logs", "master-test.log");
        await TimeReportProbe.WaitForServersAsync(config.MasterPort, ["master-test", "connector-server-1"]);
        Assert.Contains("listening on", await File.ReadAllTextAsync(log), StringComparison.Ordinal);

        await using var client = await AdminClient.ConnectAsync(new AdminClientOptions { Port = config.MasterPort, Username = "admin", Password = "admin", RequestTimeout = TimeSpan.FromSeconds(30) });
        await client.RequestAsync("__console__", new { signal = "stop" });
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await PortOpenAsync(config.MasterPort))
        {
            Assert.True(DateTime.UtcNow < deadline, "the daemon master did not stop");
            await Task.Delay(100);
        }
    }

    private static async Task<bool> PortOpenAsync(int port)
    {
        using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(System.Net.IPAddress.Loopback, port);
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }
}
