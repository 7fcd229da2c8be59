using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Pomelo.Akka.Protocol.Mqtt;

namespace Pomelo.Akka.Tests.Protocol.Mqtt;

/// <summary>A raw TCP connection that speaks MQTT through <see cref="MqttCodec"/>, for conformance tests.</summary>
internal sealed class MqttTestConnection : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly PipeReader _reader;

    public MqttTestConnection(Socket socket)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _reader = PipeReader.Create(_stream);
    }

    /// <summary>Connects; a <paramref name="receiveBufferSize"/> fixes the socket's receive buffer (no kernel autotuning, which may grow it to tens of MB).</summary>
    public static async Task<MqttTestConnection> ConnectAsync(int port, int? receiveBufferSize = null)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        if (receiveBufferSize is { } size)
        {
            socket.ReceiveBufferSize = size;
        }

        try
        {
            using var timeout = new CancellationTokenSource(Timeout);
            await socket.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
            return new MqttTestConnection(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The SUBSCRIBE frame (packet id 1, one topic filter) our codec deliberately does not write.</summary>
    public static byte[] SubscribeFrame(string topicFilter, byte qos)
    {
        var topic = Encoding.UTF8.GetBytes(topicFilter);
        var remaining = 2 + 2 + topic.Length + 1;
        Assert.True(remaining < 128, "Keep test topic filters short enough for a 1-byte remaining length.");
        return [0x82, (byte)remaining, 0x00, 0x01, (byte)(topic.Length >> 8), (byte)topic.Length, .. topic, qos];
    }

    public Task SendAsync(MqttPacket packet) => SendAsync(writer => MqttCodec.Write(writer, packet));

    public async Task SendAsync(Action<IBufferWriter<byte>> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        write(buffer);
        await SendRawAsync(buffer.WrittenMemory);
    }

    public async Task SendRawAsync(ReadOnlyMemory<byte> bytes)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        await _stream.WriteAsync(bytes, timeout.Token);
    }

    public async Task<MqttReadOutcome> ReadAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        return await _reader.ReadPacketAsync(MqttCodec.DefaultMaxFrameSize, timeout.Token);
    }

    /// <summary>Reads and discards up to <paramref name="bytes"/> bytes, whatever frames they belong to.</summary>
    public async Task<long> DrainAsync(long bytes)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var result = await _reader.ReadAsync(timeout.Token);
        var take = Math.Min(bytes, result.Buffer.Length);
        _reader.AdvanceTo(result.Buffer.GetPosition(take));
        return take;
    }

    /// <summary>Reads the next packet, which must be a <typeparamref name="T"/>.</summary>
    public async Task<T> ReadAsync<T>()
        where T : MqttPacket
    {
        var outcome = await ReadAsync();
        Assert.True(outcome.Packet is T, $"Expected {typeof(T).Name}, got {outcome}.");
        return (T)outcome.Packet!;
    }

    /// <summary>Sends CONNECT and returns the broker's CONNACK.</summary>
    public async Task<ConnAckPacket> HandshakeAsync(string clientId, ushort keepAlive = 60, bool cleanSession = true)
    {
        await SendAsync(new ConnectPacket(clientId, keepAlive, cleanSession));
        return await ReadAsync<ConnAckPacket>();
    }

    /// <summary>Drops the connection abortively: linger 0, so the kernel sends RST rather than FIN (a peer gone hard).</summary>
    public async ValueTask ResetAsync()
    {
        _socket.LingerState = new LingerOption(true, 0);
        _socket.Close();
        await DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _reader.CompleteAsync();
        _socket.Dispose();
        await _stream.DisposeAsync();
    }
}
