using System.Net;
using System.Net.Sockets;
using Pomelo.Akka.Bench.Wire;

namespace Pomelo.Akka.Bench.Orchestration;

/// <summary>
/// A TCP relay in front of the master for one victim monitor, so the socket-close scenario can close the master's
/// socket at a known instant — the same for both sides, and without timing a process's teardown (a SIGKILLed process
/// unmaps its memory before its sockets close, which takes longer for a bigger process). The victim's own socket stays
/// open until the proxy is disposed: in production the victim runs on its own host, while here its reaction to the
/// close (a young process running its error paths for the first time, JIT included) would take CPU from the master and
/// the watching monitors on this two-core machine during the few milliseconds being measured.
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

    /// <summary>Stops accepting and closes the master's side of every relayed connection (the victim's side is closed on dispose).</summary>
    /// <returns>The monotonic time just before the master's sockets were closed.</returns>
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

        return t0;
    }

    public async ValueTask DisposeAsync()
    {
        Cut();
        lock (_gate)
        {
            foreach (var (down, _) in _pairs)
            {
                down.Close();
            }
        }

        try
        {
            await _accepting;
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
        {
        }
    }

    /// <summary>Relays one direction; the end of the stream is passed on, except from the master's side once cut.</summary>
    private async Task PumpAsync(Socket from, Socket to, bool fromMaster)
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

            if (!(fromMaster && Volatile.Read(ref _cut)))
            {
                to.Shutdown(SocketShutdown.Send);
            }
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

            _ = PumpAsync(down, up, fromMaster: false);
            _ = PumpAsync(up, down, fromMaster: true);
        }
    }
}
