using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pomelo.Akka.Node.Configuration;

namespace Pomelo.Akka.Node.Commands;

/// <summary>
/// Starts every configured server as a child process of this executable (<c>server --id X</c>) once the master is up,
/// and on stop asks them to end (SIGTERM), then kills any still running after the grace period.
/// </summary>
internal sealed partial class ServerLauncher : IHostedService
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);

    private readonly IReadOnlyList<ServerEntry> _servers;
    private readonly string _configFile;
    private readonly string _environment;
    private readonly ILogger<ServerLauncher> _logger;
    private readonly List<Process> _children = [];

    public ServerLauncher(IReadOnlyList<ServerEntry> servers, string configFile, string environment, ILogger<ServerLauncher> logger)
    {
        _servers = servers;
        _configFile = configFile;
        _environment = environment;
        _logger = logger;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var server in _servers)
        {
            var start = SelfCommand.Create("server", "--config", _configFile, "--env", _environment, "--id", server.Id);
            var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start server {server.Id}");
            _children.Add(process);
            LogStarted(_logger, server.Id, server.ServerType, process.Id);
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var child in _children.Where(c => !c.HasExited))
        {
            _ = Terminate(child.Id, 15);
        }

        using var grace = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        grace.CancelAfter(StopGrace);
        foreach (var child in _children)
        {
            try
            {
                await child.WaitForExitAsync(grace.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                LogKilled(_logger, child.Id);
                child.Kill(entireProcessTree: true);
            }

            child.Dispose();
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Terminate(int pid, int signal);

    [LoggerMessage(9100, LogLevel.Information, "Started server {ServerId} ({ServerType}) as pid {Pid}")]
    private static partial void LogStarted(ILogger logger, string serverId, string serverType, int pid);

    [LoggerMessage(9101, LogLevel.Warning, "Server pid {Pid} did not stop in time; killed")]
    private static partial void LogKilled(ILogger logger, int pid);
}
