using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pomelo.Akka.Bench.Wire;

namespace Pomelo.Akka.Bench.Orchestration;

/// <summary>How to start one child process.</summary>
/// <param name="File">The executable.</param>
/// <param name="Arguments">Its arguments.</param>
/// <param name="WorkingDirectory">Where it runs, or null for ours.</param>
internal sealed record ChildStart(string File, IReadOnlyList<string> Arguments, string? WorkingDirectory = null);

/// <summary>
/// A child process speaking the <see cref="BenchIo"/> line protocol: readiness and results arrive as events on its
/// stdout, commands go to its stdin with an id and are answered by a reply with that id. Everything else it writes
/// (logs, both streams) goes to its log file. Disposing kills it (and a stopped one is continued first).
/// </summary>
internal sealed partial class Child : IAsyncDisposable
{
    public const int SigKill = 9;
    public const int SigCont = 18;
    public const int SigStop = 19;

    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _gate = new();
    private readonly List<JsonObject> _events = [];
    private readonly List<(string Name, TaskCompletionSource<JsonObject> Waiter)> _eventWaiters = [];
    private readonly Dictionary<long, TaskCompletionSource<JsonObject>> _replies = [];
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _nextId;

    private Child(string name, Process process, StreamWriter log)
    {
        Name = name;
        _process = process;
        _log = log;
    }

    public string Name { get; }

    public int Pid => _process.Id;

    public bool HasExited => _exited.Task.IsCompleted;

    /// <summary>Every child started and not yet disposed, so a failing run still kills them all.</summary>
    public static List<Child> Live { get; } = [];

    public static Child Start(string name, ChildStart start, string logDirectory)
    {
        Directory.CreateDirectory(logDirectory);
        var log = new StreamWriter(Path.Combine(logDirectory, name + ".log"), append: false) { AutoFlush = true };
        log.WriteLine("$ " + start.File + " " + string.Join(' ', start.Arguments));
        var info = new ProcessStartInfo(start.File)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = start.WorkingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var a in start.Arguments)
        {
            info.ArgumentList.Add(a);
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new Child(name, process, log);
        process.OutputDataReceived += (_, e) => child.OnStdout(e.Data);
        process.ErrorDataReceived += (_, e) => child.OnLog(e.Data, "err");
        process.Exited += (_, _) => child.OnExited();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        lock (Live)
        {
            Live.Add(child);
        }

        return child;
    }

    /// <summary>Waits for the first event of that name (past or future).</summary>
    public async Task<JsonObject> WaitEventAsync(string name, TimeSpan timeout)
    {
        TaskCompletionSource<JsonObject> waiter;
        lock (_gate)
        {
            var seen = _events.FirstOrDefault(e => (string?)e["event"] == name);
            if (seen is not null)
            {
                return seen;
            }

            waiter = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
            _eventWaiters.Add((name, waiter));
        }

        return await Await(waiter.Task, timeout, $"event '{name}'");
    }

    /// <summary>Sends a command and waits for its reply; an error reply throws.</summary>
    public async Task<JsonObject> SendAsync(string cmd, JsonObject? fields, TimeSpan timeout)
    {
        var command = fields ?? [];
        var id = Interlocked.Increment(ref _nextId);
        command["id"] = id;
        command["cmd"] = cmd;
        var waiter = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _replies[id] = waiter;
        }

        var line = command.ToJsonString();
        OnLog(line, "<<");
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
        var reply = await Await(waiter.Task, timeout, $"reply to '{cmd}'");
        if (reply["error"] is { } error)
        {
            throw new InvalidOperationException($"{Name}: {error}");
        }

        return reply;
    }

    public void Signal(int signal)
    {
        if (!HasExited && Kill(_process.Id, signal) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>Asks the child to exit (it leaves cleanly), and kills it if it has not within the grace period.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (!HasExited)
        {
            try
            {
                await SendAsync("exit", null, grace);
                await _exited.Task.WaitAsync(grace);
            }
            catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or IOException)
            {
                OnLog("stop: " + ex.Message, "!!");
            }
        }

        await DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        lock (Live)
        {
            Live.Remove(this);
        }

        if (!HasExited)
        {
            try
            {
                Kill(_process.Id, SigCont);
                _process.Kill(entireProcessTree: true);
                await _exited.Task.WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
            {
            }
        }

        _process.Dispose();
        await _log.DisposeAsync();
    }

    /// <summary>Kills every child still alive (used on failure and on Ctrl-C).</summary>
    public static void KillAll()
    {
        Child[] live;
        lock (Live)
        {
            live = [.. Live];
        }

        foreach (var child in live)
        {
            try
            {
                Kill(child._process.Id, SigCont);
                child._process.Kill(entireProcessTree: true);
            }
            catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
            {
            }
        }
    }

    public string LogTail(int lines = 20)
    {
        var path = ((FileStream)_log.BaseStream).Name;
        try
        {
            using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            return string.Join('\n', reader.ReadToEnd().Split('\n').TakeLast(lines));
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    private async Task<JsonObject> Await(Task<JsonObject> task, TimeSpan timeout, string what)
    {
        var done = await Task.WhenAny(task, _exited.Task, Task.Delay(timeout));
        if (done == task)
        {
            return await task;
        }

        if (done == _exited.Task && !task.IsCompleted)
        {
            // Give the stdout reader a moment to deliver lines written just before the exit.
            await Task.WhenAny(task, Task.Delay(200));
            if (task.IsCompleted)
            {
                return await task;
            }

            throw new InvalidOperationException($"{Name} exited (code {SafeExitCode()}) while waiting for {what}; log tail:\n{LogTail()}");
        }

        throw new TimeoutException($"{Name}: no {what} within {timeout.TotalSeconds:0.#} s; log tail:\n{LogTail()}");
    }

    private string SafeExitCode()
    {
        try
        {
            return _process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (InvalidOperationException)
        {
            return "?";
        }
    }

    private void OnStdout(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (!line.StartsWith(BenchIo.Marker, StringComparison.Ordinal))
        {
            OnLog(line, "out");
            return;
        }

        OnLog(line, ">>");
        JsonObject message;
        try
        {
            message = JsonNode.Parse(line[BenchIo.Marker.Length..])!.AsObject();
        }
        catch (JsonException)
        {
            return;
        }

        lock (_gate)
        {
            if (message["re"] is { } re)
            {
                if (_replies.Remove(re.GetValue<long>(), out var waiter))
                {
                    waiter.TrySetResult(message);
                }
            }
            else if (message["event"] is { } name)
            {
                _events.Add(message);
                var eventName = name.GetValue<string>();
                foreach (var w in _eventWaiters.Where(w => w.Name == eventName).ToList())
                {
                    _eventWaiters.Remove(w);
                    w.Waiter.TrySetResult(message);
                }
            }
        }
    }

    private void OnLog(string? line, string stream)
    {
        if (line is null)
        {
            return;
        }

        try
        {
            lock (_log)
            {
                _log.WriteLine(stream + " " + line);
            }
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private void OnExited()
    {
        try
        {
            lock (_log)
            {
                _log.WriteLine("-- exited");
            }
        }
        catch (ObjectDisposedException)
        {
        }

        _exited.TrySetResult();
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
