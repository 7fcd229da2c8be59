using System.Buffers.Text;
using Microsoft.Win32.SafeHandles;

namespace Pomelo.Akka.Internal;

/// <summary>
/// This process's resident memory (RSS). On Linux it reads <c>/proc/self/statm</c>, a one-line file the kernel writes
/// cheaply; <see cref="Environment.WorkingSet"/> parses <c>/proc/self/status</c> through <c>Process</c>, which costs
/// ≈ 15 µs of kernel formatting per read and dominated a monitor's answer to the console's <c>list</c>. The file is
/// opened once and read again from offset 0 each time (the kernel writes it anew for every read from the start): one
/// <c>pread</c> per figure instead of open, read and close, which were ≈ 8 % of a monitor's CPU per <c>list</c>.
/// Elsewhere (or when the file cannot be read) it falls back to <see cref="Environment.WorkingSet"/>. Thread-safe.
/// </summary>
internal sealed class ResidentMemory : IDisposable
{
    private const string StatmPath = "/proc/self/statm";

    private readonly Lock _gate = new();
    private SafeFileHandle? _statm;
    private bool _unreadable;
    private bool _disposed;

    /// <summary>Reads this process's resident memory in bytes.</summary>
    /// <returns>The resident set size.</returns>
    public long ReadBytes()
    {
        if (Statm() is { } handle)
        {
            try
            {
                Span<byte> buffer = stackalloc byte[256];
                var read = RandomAccess.Read(handle, buffer, 0);
                if (TryParseStatm(buffer[..read], Environment.SystemPageSize, out var bytes))
                {
                    return bytes;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ObjectDisposedException)
            {
                // fall through to the portable (slower) figure
            }
        }

        return Environment.WorkingSet;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _statm?.Dispose();
            _statm = null;
        }
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

    private SafeFileHandle? Statm()
    {
        if (Volatile.Read(ref _statm) is { } open)
        {
            return open;
        }

        lock (_gate)
        {
            if (_statm is not null || _unreadable || _disposed || !OperatingSystem.IsLinux())
            {
                return _statm;
            }

            try
            {
                Volatile.Write(ref _statm, File.OpenHandle(StatmPath));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                _unreadable = true;
            }

            return _statm;
        }
    }
}
