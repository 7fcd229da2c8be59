using Pomelo.Akka.Node.Tests.TestSupport;

namespace Pomelo.Akka.Node.Tests.Commands;

public sealed class ServerCommandTests
{
    [Fact]
    public async Task ServerStartedBeforeItsMaster_KeepsRetrying_AndJoinsWhenTheMasterAppears()
    {
        using var config = new ClusterConfig(serverCount: 1);
        await using var server = NodeProcess.Start("server", "--config", config.Path, "--id", "connector-server-1");
        await server.WaitForLineAsync(l => l.Contains("cannot reach master", StringComparison.Ordinal));
        await server.WaitForLineAsync(l => l.Contains("attempt 2", StringComparison.Ordinal));
        Assert.False(server.HasExited);

        await using var master = NodeProcess.Start("master", "--config", config.Path);

        await TimeReportProbe.WaitForServersAsync(config.MasterPort, ["connector-server-1"]);
        Assert.Equal(0, await server.TerminateAsync());
        Assert.Equal(0, await master.TerminateAsync());
    }

    [Fact]
    public async Task ServerWithAnUnknownId_ExitsWithAUsageError()
    {
        using var config = new ClusterConfig(serverCount: 1);
        await using var server = NodeProcess.Start("server", "--config", config.Path, "--id", "ghost-1");

        Assert.Equal(2, await server.WaitForExitAsync());
        Assert.Contains("error: server 'ghost-1' is not configured in environment development", server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerWithAWrongToken_ExitsWithTheMastersReason()
    {
        using var config = new ClusterConfig(serverCount: 1);
        File.WriteAllText(Path.Combine(config.Directory, "adminServer.json"), """[{ "type": "connector", "token": "other" }]""");
        await using var master = NodeProcess.Start("master", "--config", config.Path);
        await master.WaitForLineAsync(l => l.Contains("listening on", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(config.Directory, "adminServer.json"), """[{ "type": "connector", "token": "c-token" }]""");

        await using var server = NodeProcess.Start("server", "--config", config.Path, "--id", "connector-server-1");

        Assert.Equal(1, await server.WaitForExitAsync());
        Assert.Contains("server auth failed", server.Output, StringComparison.Ordinal);
        Assert.Equal(0, await master.TerminateAsync());
    }
}
