using System.Net;
using System.Net.Sockets;
using Pomelo.Akka.Bench.Wire;

namespace Pomelo.Akka.Bench.Orchestration;

/// <summary>
/// A TCP relay in front of the master for one victim monitor, so the socket-close scenario can close the master's
/// socket at a known instant — the same for both sides, and without timing a process's teardown (a SIGKILLed process
/// unmaps its memory before its sockets close, which takes longer for a bigger process).
/// </summary>
internal sealed class CutProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _targetPort;
    private readonly List<(Socket Down, Socket Up)> _pairs = [];
    private readonly Lock _gate = new();
    private readonly Task _accepting;
    private bool _cut;

    private CutProxy(int targetPort)
    {
        _targetPort = targetPort;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public static CutProxy Start(int targetPort) => new(targetPort);

    /// <summary>Stops accepting and closes every relayed connection, the master's side first.</summary>
    /// <returns>The monotonic time just before the master's socket was closed.</returns>
    public long Cut()
    {
        (Socket Down, Socket Up)[] pairs;
        lock (_gate)
        {
            _cut = true;
            pairs = [.. _pairs];
        }

        _listener.Stop();
        var t0 = BenchIo.NowNs();
        foreach (var (_, up) in pairs)
        {
            up.Close();
        }

        foreach (var (down, _) in pairs)
        {
            down.Close();
        }

        return t0;
    }

    public async ValueTask DisposeAsync()
    {
        Cut();
        try
        {
            await _accepting;
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
        {
        }
    }

    private static async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var n = await from.ReceiveAsync(buffer, SocketFlags.None);
                if (n == 0)
                {
                    break;
                }

                await to.SendAsync(buffer.AsMemory(0, n), SocketFlags.None);
            }

            to.Shutdown(SocketShutdown.Send);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
        }
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            Socket down;
            try
            {
                down = await _listener.AcceptSocketAsync();
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var up = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            down.NoDelay = true;
            try
            {
                await up.ConnectAsync(IPAddress.Loopback, _targetPort);
            }
            catch (SocketException)
            {
                down.Close();
                up.Dispose();
                continue;
            }

            lock (_gate)
            {
                if (_cut)
                {
                    up.Close();
                    down.Close();
                    return;
                }

                _pairs.Add((down, up));
            }

            _ = PumpAsync(down, up);
            _ = PumpAsync(up, down);
        }
    }
}
