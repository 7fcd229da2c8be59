using System.Diagnostics;

namespace Pomelo.Akka.Tests.Protocol.Mqtt;

/// <summary>A short-lived command-line tool run by a test: captures raw stdout bytes and stderr text, killed on dispose.</summary>
internal sealed class ToolProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<byte[]> _stdout;
    private readonly Task<string> _stderr;

    private ToolProcess(Process process)
    {
        _process = process;
        _stdout = ReadAllBytesAsync(process.StandardOutput.BaseStream);
        _stderr = process.StandardError.ReadToEndAsync();
    }

    public string CommandLine => $"{_process.StartInfo.FileName} {string.Join(' ', _process.StartInfo.ArgumentList)}";

    public static ToolProcess Start(string tool, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(MosquittoTools.Require(tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        return new ToolProcess(Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {tool}."));
    }

    /// <summary>Waits for the tool to exit; on timeout fails the test, showing what the tool printed.</summary>
    public async Task<(int ExitCode, byte[] Stdout, string Stderr)> WaitForExitAsync(TimeSpan timeout)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            Kill();
            Assert.Fail($"`{CommandLine}` did not exit within {timeout}. stderr: {await _stderr}");
        }

        return (_process.ExitCode, await _stdout, await _stderr);
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    private static async Task<byte[]> ReadAllBytesAsync(Stream stream)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }
}
