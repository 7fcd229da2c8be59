using System.Globalization;

namespace Pomelo.Akka.Bench.Wire;

/// <summary>Reads a process's resident set size from <c>/proc/&lt;pid&gt;/status</c>.</summary>
public static class ProcStatus
{
    /// <summary>Returns VmRSS in bytes, or -1 when unavailable.</summary>
    public static long RssBytes(int pid) => Field(pid, "VmRSS:") * 1024;

    /// <summary>Returns the number of threads, or -1 when unavailable.</summary>
    public static long Threads(int pid) => Field(pid, "Threads:");

    /// <summary>Returns the CPU time (user + system) the process has used, in seconds, or -1 when unavailable.</summary>
    public static double CpuSeconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');

            // After "pid (comm) ": state is field 3, utime field 14, stime field 15 (1-based); clock ticks are 1/100 s.
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
        }
        catch (Exception ex) when (ex is IOException or FormatException or IndexOutOfRangeException)
        {
            return -1;
        }
    }

    private static long Field(int pid, string name)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith(name, StringComparison.Ordinal))
                {
                    var parts = line[name.Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    return long.Parse(parts[0], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
        }

        return -1;
    }
}
