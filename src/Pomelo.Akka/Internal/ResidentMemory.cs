using System.Buffers.Text;

namespace Pomelo.Akka.Internal;

/// <summary>
/// This process's resident memory (RSS). On Linux it reads <c>/proc/self/statm</c>, a one-line file the kernel writes
/// cheaply; <see cref="Environment.WorkingSet"/> parses <c>/proc/self/status</c> through <c>Process</c>, which costs
/// ≈ 15 µs of kernel formatting per read and dominated a monitor's answer to the console's <c>list</c>. Elsewhere (or
/// when the file cannot be read) it falls back to <see cref="Environment.WorkingSet"/>.
/// </summary>
internal static class ResidentMemory
{
    private const string StatmPath = "/proc/self/statm";

    /// <summary>Reads this process's resident memory in bytes.</summary>
    /// <returns>The resident set size.</returns>
    public static long ReadBytes()
    {
        if (OperatingSystem.IsLinux())
        {
            try
            {
                Span<byte> buffer = stackalloc byte[256];
                using var handle = File.OpenHandle(StatmPath);
                var read = RandomAccess.Read(handle, buffer, 0);
                if (TryParseStatm(buffer[..read], Environment.SystemPageSize, out var bytes))
                {
                    return bytes;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // fall through to the portable (slower) figure
            }
        }

        return Environment.WorkingSet;
    }

    /// <summary>Reads the resident figure of a <c>statm</c> line: "size resident shared text lib data dt", in pages.</summary>
    /// <param name="statm">The file's bytes.</param>
    /// <param name="pageSize">The page size in bytes.</param>
    /// <param name="bytes">The resident memory in bytes.</param>
    /// <returns>False when the line does not have that shape.</returns>
    public static bool TryParseStatm(ReadOnlySpan<byte> statm, int pageSize, out long bytes)
    {
        bytes = 0;
        var space = statm.IndexOf((byte)' ');
        if (space <= 0 || !Utf8Parser.TryParse(statm[..space], out long _, out var sizeLength) || sizeLength != space)
        {
            return false;
        }

        var rest = statm[(space + 1)..];
        if (!Utf8Parser.TryParse(rest, out long pages, out var consumed) || consumed == 0 || pages < 0
            || (consumed < rest.Length && rest[consumed] is not ((byte)' ' or (byte)'\n')))
        {
            return false;
        }

        bytes = pages * pageSize;
        return true;
    }
}
