using Pomelo.Akka.Node.Starter;
using Pomelo.Akka.Starter;

namespace Pomelo.Akka.Node.Tests.Starter;

public sealed class ServerCommandLineTests
{
    private static readonly ServerSpec Local = new("area-1", "area", "127.0.0.1", 3250, false, new Dictionary<string, string?> { ["id"] = "area-1", ["area"] = "1" });

    [Fact]
    public void Create_ConfiguredLocalServer_RunsThisExecutableWithServerVerb()
    {
        var start = ServerCommandLine.Create(Local, "/etc/cluster.conf", "production", configured: true);

        Assert.Equal(Environment.ProcessPath, start.FileName);
        Assert.Equal(["server", "--config", "/etc/cluster.conf", "--env", "production", "--id", "area-1"], start.ArgumentList.SkipWhile(a => a != "server"));
    }

    [Fact]
    public void Create_AddedServer_PassesItsFields()
    {
        var start = ServerCommandLine.Create(Local, "/c.conf", "development", configured: false);

        var args = start.ArgumentList.ToList();
        Assert.Equal("area", args[args.IndexOf("--type") + 1]);
        Assert.Equal("3250", args[args.IndexOf("--port") + 1]);
        Assert.Equal("area=1", args[args.IndexOf("--set") + 1]);
    }

    [Fact]
    public void Create_RemoteHost_RunsTheSameCommandLineOverSsh()
    {
        var start = ServerCommandLine.Create(Local with { Host = "game-host-7" }, "/c.conf", "development", configured: true);

        Assert.Equal("ssh", start.FileName);
        Assert.Equal("game-host-7", start.ArgumentList[0]);
        Assert.Contains("'server' '--config' '/c.conf' '--env' 'development' '--id' 'area-1'", start.ArgumentList[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("localhost", true)]
    [InlineData("::1", true)]
    [InlineData("203.0.113.9", false)]
    [InlineData("game-host-7", false)]
    public void IsLocal_RecognisesThisMachine(string host, bool local) => Assert.Equal(local, ServerCommandLine.IsLocal(host));
}
