using Pomelo.Akka.Hosting;
using Pomelo.Akka.Node.Tests.TestSupport;

namespace Pomelo.Akka.Node.Tests.Commands;

/// <summary>The node runs its socket completions inline unless the operator chose otherwise (src/Pomelo.Akka/Hosting/SocketCompletions).</summary>
public sealed class SocketCompletionsTests
{
    [Fact]
    public async Task NodeWithoutTheVariable_RunsCompletionsInline_AndItsServersInheritIt()
    {
        using var config = new ClusterConfig(serverCount: 1);
        await using var master = NodeProcess.Start(new Dictionary<string, string?> { [SocketCompletions.Variable] = null }, "start", "--config", config.Path);

        var line = await master.WaitForLineAsync(l => l.Contains("Socket completions run", StringComparison.Ordinal));
        Assert.Contains($"inline on the epoll thread ({SocketCompletions.Variable}=1)", line, StringComparison.Ordinal);

        // The server the master launched logs its own choice: the variable it inherited.
        var server = await master.WaitForLineAsync(l => l.Contains("Socket completions run", StringComparison.Ordinal));
        Assert.Contains($"inline on the epoll thread ({SocketCompletions.Variable}=1)", server, StringComparison.Ordinal);
        Assert.Equal(0, await master.TerminateAsync());
    }

    [Fact]
    public async Task OperatorsChoice_IsKept()
    {
        using var config = new ClusterConfig(serverCount: 1);
        await using var master = NodeProcess.Start(new Dictionary<string, string?> { [SocketCompletions.Variable] = "0" }, "master", "--config", config.Path);

        var line = await master.WaitForLineAsync(l => l.Contains("Socket completions run", StringComparison.Ordinal));
        Assert.Contains($"on the thread pool ({SocketCompletions.Variable}=0)", line, StringComparison.Ordinal);
        await master.WaitForLineAsync(l => l.Contains("listening on", StringComparison.Ordinal));
        Assert.Equal(0, await master.TerminateAsync());
    }
}
