using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pomelo.Akka.Starter;

namespace Pomelo.Akka.Node.Starter;

/// <summary>
/// Launches servers as child processes of this executable (over ssh for remote hosts), records their pids, restarts
/// those marked <c>auto-restart</c> when they die unasked (with back-off), and on shutdown stops them all gracefully,
/// killing stragglers after the grace period. As a hosted service it launches the configured servers once the master
/// is up, unless the node runs standalone.
/// </summary>
internal sealed partial class ProcessServerStarter : IServerStarter, IHostedService
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, Child> _children = new(StringComparer.Ordinal);
    private readonly StarterSettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger<ProcessServerStarter> _logger;
    private readonly CancellationTokenSource _stopping = new();

    public ProcessServerStarter(StarterSettings settings, TimeProvider time, ILogger<ProcessServerStarter> logger)
    {
        _settings = settings;
        _time = time;
        _logger = logger;
    }

    public IReadOnlyList<ServerSpec> Configured => _settings.Configured;

    public IReadOnlyList<ManagedServer> Servers => _children.Values.Select(c => c.Snapshot()).OrderBy(s => s.Spec.Id, StringComparer.Ordinal).ToList();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_settings.Standalone)
        {
            return;
        }

        foreach (var spec in _settings.Configured)
        {
            await StartAsync(spec, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task<ManagedServer> StartAsync(ServerSpec spec, CancellationToken cancellationToken = default)
    {
        var configured = _settings.Configured.Any(s => s.Id == spec.Id);
        var start = ServerCommandLine.Create(spec, _settings.ConfigFile, _settings.Environment, configured);
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start server " + spec.Id);
        var child = _children.AddOrUpdate(spec.Id, _ => new Child(spec, process), (_, old) => old.Replace(spec, process));
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => OnExited(child, process);
        LogStarted(_logger, spec.Id, spec.ServerType, process.Id, start.FileName == "ssh" ? "ssh " + spec.Host : "local");
        return Task.FromResult(child.Snapshot());
    }

    public async Task<bool> StopAsync(string serverId, TimeSpan grace, CancellationToken cancellationToken = default)
    {
        if (!_children.TryGetValue(serverId, out var child) || child.Process is not { HasExited: false } process)
        {
            return false;
        }

        child.Intentional = true;
        _ = Signal(process.Id, 15);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(grace);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogKilled(_logger, serverId, process.Id);
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }

        return true;
    }

    public async Task<bool> KillAsync(string serverId, CancellationToken cancellationToken = default)
    {
        if (!_children.TryGetValue(serverId, out var child) || child.Process is not { HasExited: false } process)
        {
            return false;
        }

        child.Intentional = true;
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_children.Keys.Select(id => StopAsync(id, StopGrace, cancellationToken))).ConfigureAwait(false);
    }

    private void OnExited(Child child, Process process)
    {
        if (!ReferenceEquals(child.Process, process))
        {
            return;
        }

        LogExited(_logger, child.Spec.Id, process.Id, process.ExitCode);
        if (child.Intentional || !child.Spec.AutoRestart || _stopping.IsCancellationRequested)
        {
            return;
        }

        _ = RestartAsync(child);
    }

    private async Task RestartAsync(Child child)
    {
        var delay = TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, Math.Min(child.Restarts, 5)) / 2));
        try
        {
            await Task.Delay(delay, _time, _stopping.Token).ConfigureAwait(false);
            child.Restarts++;
            LogAutoRestart(_logger, child.Spec.Id, child.Restarts, delay.TotalSeconds);
            await StartAsync(child.Spec, _stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            LogRestartFailed(_logger, ex, child.Spec.Id);
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Signal(int pid, int signal);

    private sealed class Child(ServerSpec spec, Process process)
    {
        public ServerSpec Spec { get; private set; } = spec;

        public Process Process { get; private set; } = process;

        public bool Intentional { get; set; }

        public int Restarts { get; set; }

        public Child Replace(ServerSpec spec, Process process)
        {
            Spec = spec;
            Process = process;
            Intentional = false;
            return this;
        }

        public ManagedServer Snapshot() => new(Spec, Process.Id, !Process.HasExited, Restarts);
    }
}
