using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Pomelo.Akka.Bench.Floor;

/// <summary>One epoll event as Linux x86-64 lays it out (packed: 4-byte events, 8-byte data).</summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
internal struct EpollEvent
{
    public uint Events;
    public ulong Data;
}

/// <summary>
/// The three epoll calls the floor needs, straight from libc: the floor measures what the kernel and two cores allow,
/// so each side waits on its sockets with one <c>epoll_wait</c>, as a runtime's own I/O thread does.
/// </summary>
internal static partial class Epoll
{
    public const uint In = 0x001;
    private const int CtlAdd = 1;

    /// <summary>A new epoll instance watching <paramref name="sockets"/> for input; each event's data is the socket's index.</summary>
    public static int Create(IReadOnlyList<Socket> sockets)
    {
        var epoll = Check(EpollCreate1(0), "epoll_create1");
        for (var i = 0; i < sockets.Count; i++)
        {
            var ev = new EpollEvent { Events = In, Data = (ulong)i };
            Check(EpollCtl(epoll, CtlAdd, (int)sockets[i].Handle, ref ev), "epoll_ctl");
        }

        return epoll;
    }

    /// <summary>Waits for ready fds (forever when <paramref name="timeoutMs"/> is -1); returns how many events were filled.</summary>
    public static unsafe int Wait(int epoll, EpollEvent[] events, int timeoutMs)
    {
        while (true)
        {
            int n;
            fixed (EpollEvent* p = events)
            {
                n = EpollWait(epoll, p, events.Length, timeoutMs);
            }

            if (n >= 0)
            {
                return n;
            }

            if (Marshal.GetLastPInvokeError() != 4)
            {
                // Anything but EINTR is a bug in the floor itself.
                throw new InvalidOperationException("epoll_wait failed: errno " + Marshal.GetLastPInvokeError());
            }
        }
    }

    public static void Close(int fd) => _ = CloseFd(fd);

    private static int Check(int result, string call)
        => result >= 0 ? result : throw new InvalidOperationException(call + " failed: errno " + Marshal.GetLastPInvokeError());

    [LibraryImport("libc", EntryPoint = "epoll_create1", SetLastError = true)]
    private static partial int EpollCreate1(int flags);

    [LibraryImport("libc", EntryPoint = "epoll_ctl", SetLastError = true)]
    private static partial int EpollCtl(int epoll, int op, int fd, ref EpollEvent ev);

    [LibraryImport("libc", EntryPoint = "epoll_wait", SetLastError = true)]
    private static unsafe partial int EpollWait(int epoll, EpollEvent* events, int max, int timeoutMs);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int CloseFd(int fd);
}
