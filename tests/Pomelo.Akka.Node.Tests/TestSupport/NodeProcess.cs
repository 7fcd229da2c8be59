using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;

namespace Pomelo.Akka.Node.Tests.TestSupport;

/// <summary>A real <c>pomelo-akka</c> process started by a test; its output is captured line by line; disposing kills what is left.</summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly Channel<string> _feed = Channel.CreateUnbounded<string>();

    private NodeProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Add(e.Data);
        _process.ErrorDataReceived += (_, e) => Add(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Pid => _process.Id;

    public string Output => string.Join('\n', _lines);

    public bool HasExited => _process.HasExited;

    public static NodeProcess Start(params string[] arguments) => Start(new Dictionary<string, string?>(), arguments);

    /// <summary>Starts the node with <paramref name="environment"/> on top of this process's (a null value removes the variable).</summary>
    public static NodeProcess Start(IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "pomelo-akka"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return new NodeProcess(Process.Start(start)!);
    }

    /// <summary>Waits for an output line matching <paramref name="match"/> (already seen lines count).</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        try
        {
            await foreach (var line in _feed.Reader.ReadAllAsync(cts.Token))
            {
                if (match(line))
                {
                    return line;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        Assert.Fail("no matching output line; output so far:\n" + Output);
        return string.Empty;
    }

    /// <summary>
    /// Waits until each of <paramref name="matches"/> has matched an output line of its own, in any order (lines from
    /// different processes of a cluster, relayed through this one, arrive in no set order); already seen lines count.
    /// </summary>
    /// <returns>For each match, when its line was read (<see cref="Stopwatch.GetTimestamp"/>).</returns>
    public async Task<long[]> WaitForLinesAsync(IReadOnlyList<Func<string, bool>> matches, TimeSpan? timeout = null)
    {
        var seenAt = new long[matches.Count];
        var left = matches.Count;
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        try
        {
            await foreach (var line in _feed.Reader.ReadAllAsync(cts.Token))
            {
                var index = Enumerable.Range(0, matches.Count).FirstOrDefault(i => seenAt[i] == 0 && matches[i](line), -1);
                if (index >= 0)
                {
                    seenAt[index] = Stopwatch.GetTimestamp();
                    if (--left == 0)
                    {
                        return seenAt;
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        Assert.Fail($"{left} of {matches.Count} output lines never matched; output so far:\n" + Output);
        return seenAt;
    }

    /// <summary>Sends SIGTERM and waits for the exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan? timeout = null)
    {
        Signal("TERM");
        return await WaitForExitAsync(timeout);
    }

    public async Task<int> WaitForExitAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    public void Signal(string signal) => Signal(signal, _process.Id);

    /// <summary>Sends a signal to any process (e.g. a server this node launched).</summary>
    public void Signal(string signal, int pid)
    {
        using var kill = Process.Start("kill", ["-" + signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Add(string? line)
    {
        if (line is null)
        {
            _feed.Writer.TryComplete();
            return;
        }

        _lines.Enqueue(line);
        _feed.Writer.TryWrite(line);
    }
}
