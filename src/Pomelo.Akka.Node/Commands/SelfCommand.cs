using System.Diagnostics;

namespace Pomelo.Akka.Node.Commands;

/// <summary>Builds a command line that runs this same executable (the apphost, or <c>dotnet pomelo-akka.dll</c>).</summary>
internal static class SelfCommand
{
    public static ProcessStartInfo Create(params string[] arguments)
    {
        var processPath = Environment.ProcessPath ?? throw new InvalidOperationException("the executable path is unknown");
        var start = new ProcessStartInfo { FileName = processPath, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(processPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(SelfCommand).Assembly.Location);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }
}
