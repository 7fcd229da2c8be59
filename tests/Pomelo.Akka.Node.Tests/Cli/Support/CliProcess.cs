using System.Diagnostics;
using System.Globalization;

namespace Pomelo.Akka.Node.Tests.Cli.Support;

/// <summary>Runs the real <c>pomelo-akka</c> executable with redirected standard input, output and error.</summary>
public static class CliProcess
{
    public static async Task<CliResult> RunAsync(string stdin, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "pomelo-akka"))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("POMELO_USER");
        start.Environment.Remove("POMELO_PASSWORD");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("pomelo-akka did not exit; output so far:\n" + await stdout);
        }

        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    public static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
}
