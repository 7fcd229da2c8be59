using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Pomelo.Akka.Bench.Wire;

namespace Pomelo.Akka.Bench.Floor;

/// <summary>
/// The far side of the floor (<c>floor-peer</c>, a child of <c>floor</c>): N plain sockets in one process, as the
/// bench's monitors process holds N monitors, answering every fixed-size request with a fixed-size reply from one
/// thread waiting on one epoll (spinning on it with <c>--spin</c>). No framing, no JSON, no runtime I/O machinery:
/// only the system calls an answer needs.
/// </summary>
internal static class FloorPeer
{
    public static async Task<int> RunAsync(Args args)
    {
        var port = args.Int("port");
        var count = args.Int("count");
        var requestSize = args.Int("request");
        var reply = new byte[args.Int("reply")];
        var sockets = new Socket[count];
        for (var i = 0; i < count; i++)
        {
            sockets[i] = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            sockets[i].Connect(new IPEndPoint(IPAddress.Loopback, port));
        }

        var spin = args.Has("spin");
        var loop = new Thread(() => Answer(sockets, requestSize, reply, spin)) { IsBackground = true, Name = "floor-peer" };
        loop.Start();
        BenchIo.Event("ready", new JsonObject { ["count"] = count });
        await BenchIo.ServeAsync((_, _) => Task.FromResult(new JsonObject())).ConfigureAwait(false);
        foreach (var s in sockets)
        {
            s.Dispose();
        }

        return 0;
    }

    /// <summary>Answers requests until every socket has been closed by the other side.</summary>
    private static void Answer(Socket[] sockets, int requestSize, byte[] reply, bool spin)
    {
        var epoll = Epoll.Create(sockets);
        var events = new EpollEvent[256];
        var pending = new int[sockets.Length];
        var buffer = new byte[64 * 1024];
        var open = sockets.Length;
        try
        {
            while (open > 0)
            {
                var n = Epoll.Wait(epoll, events, spin ? 0 : -1);
                for (var e = 0; e < n; e++)
                {
                    var i = (int)events[e].Data;
                    var read = Receive(sockets[i], buffer);
                    if (read <= 0)
                    {
                        sockets[i].Close();
                        open--;
                        continue;
                    }

                    // Every whole request gets its reply; a request split over two reads is answered when it is whole.
                    pending[i] += read;
                    while (pending[i] >= requestSize)
                    {
                        pending[i] -= requestSize;
                        sockets[i].Send(reply);
                    }
                }
            }
        }
        finally
        {
            Epoll.Close(epoll);
        }
    }

    private static int Receive(Socket socket, byte[] buffer)
    {
        try
        {
            return socket.Receive(buffer);
        }
        catch (SocketException)
        {
            return 0;
        }
        catch (ObjectDisposedException)
        {
            return 0;
        }
    }
}
