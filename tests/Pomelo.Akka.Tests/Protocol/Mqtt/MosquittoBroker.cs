using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Pomelo.Akka.Tests.Protocol.Mqtt;

/// <summary>
/// A private mosquitto broker for one test class: listens on a free 127.0.0.1 port with anonymous access and
/// full logging to stderr (used to observe when subscriptions are in place); killed on dispose.
/// </summary>
public sealed class MosquittoBroker : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);

    private readonly object _gate = new();
    private readonly List<string> _log = [];
    private readonly List<(string Fragment, TaskCompletionSource Seen)> _waiters = [];
    private string? _unavailable;
    private DirectoryInfo? _directory;
    private Process? _process;
    private int _port;

    /// <summary>The broker's TCP port on 127.0.0.1; fails the test when mosquitto is not installed.</summary>
    public int Port
    {
        get
        {
            if (_unavailable is not null)
            {
                Assert.Fail(_unavailable);
            }

            return _port;
        }
    }

    /// <summary>Everything the broker has logged so far, for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (_gate)
            {
                return string.Join('\n', _log);
            }
        }
    }

    /// <summary>Starts the broker and waits until its port accepts connections.</summary>
    public async Task InitializeAsync()
    {
        var executable = MosquittoTools.Locate(MosquittoTools.Broker);
        if (executable is null)
        {
            _unavailable = MosquittoTools.MissingMessage(MosquittoTools.Broker);
            return;
        }

        _port = FindFreePort();
        _directory = Directory.CreateTempSubdirectory("pomelo-mosquitto-");
        var config = Path.Combine(_directory.FullName, "mosquitto.conf");
        await File.WriteAllTextAsync(config, string.Join('\n',
            $"listener {_port} 127.0.0.1", "allow_anonymous true", "persistence false",
            "log_dest stderr", "log_type all", "log_timestamp false", string.Empty));

        var startInfo = new ProcessStartInfo(executable, ["-c", config])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        _process = new Process { StartInfo = startInfo };
        _process.ErrorDataReceived += (_, e) => OnLogLine(e.Data);
        _process.OutputDataReceived += (_, e) => OnLogLine(e.Data);
        _process.Start();
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        await WaitUntilAcceptingAsync();
    }

    /// <summary>Waits until a broker log line contains <paramref name="fragment"/> (lines logged earlier count).</summary>
    public async Task WaitForLogAsync(string fragment, TimeSpan timeout)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_log.Any(line => line.Contains(fragment, StringComparison.Ordinal)))
            {
                return;
            }

            _waiters.Add((fragment, seen));
        }

        try
        {
            await seen.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"mosquitto did not log '{fragment}' within {timeout}. Broker log:\n{Log}");
        }
    }

    /// <summary>Nothing asynchronous to release; the process is killed in <see cref="Dispose"/>.</summary>
    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Kills the broker and deletes its temporary configuration.</summary>
    public void Dispose()
    {
        if (_process is not null)
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }

            _process.Dispose();
            _process = null;
        }

        _directory?.Delete(recursive: true);
        _directory = null;
    }

    private static int FindFreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    private async Task WaitUntilAcceptingAsync()
    {
        using var deadline = new CancellationTokenSource(StartTimeout);
        while (true)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"mosquitto exited with code {_process.ExitCode} during start-up. Log:\n{Log}");
            }

            try
            {
                using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                await probe.ConnectAsync(IPAddress.Loopback, _port, deadline.Token);
                return;
            }
            catch (SocketException)
            {
                // Not listening yet: poll again shortly, bounded by the deadline.
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"mosquitto did not accept connections on port {_port} within {StartTimeout}. Log:\n{Log}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), deadline.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private void OnLogLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _log.Add(line);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (line.Contains(_waiters[i].Fragment, StringComparison.Ordinal))
                {
                    _waiters[i].Seen.TrySetResult();
                    _waiters.RemoveAt(i);
                }
            }
        }
    }
}
