using System.IO.Pipelines;
using System.Text;
using Pomelo.Akka.Internal;
using Pomelo.Akka.Protocol;
using Pomelo.Akka.Protocol.Mqtt;
using Pomelo.Akka.Tests.TestSupport;

namespace Pomelo.Akka.Tests.Internal;

public sealed class EnvelopeSenderTests
{
    private const int MaxFrame = 1 << 20;
    private static readonly AdminMessageWriter Writer = new();

    [Theory]
    [InlineData(100)]
    [InlineData(EnvelopeSender.SpliceAbove + 1)]
    [InlineData(MqttConnection.ChunkSize * 5)]
    public async Task SendResponseAsync_RawJsonBody_ArrivesAsAResponseWithThatBody(int padding)
    {
        var (connection, peer) = Pair();
        var raw = Map(padding);

        var sent = connection.SendResponseAsync(Writer, "t", 42, null, new RawJson(raw)).AsTask();

        var response = Assert.IsType<ResponseMessage>(await ReadMessageAsync(peer));
        Assert.Equal(42, response.RespId);
        Assert.Null(response.Error);
        JsonText.Equal(Encoding.UTF8.GetString(raw), response.Body);
        Assert.True(await sent.WaitAsync(Wait.Timeout));
    }

    [Theory]
    [InlineData(100)]
    [InlineData(MqttConnection.ChunkSize * 5)]
    public async Task SendRequestAsync_RawJsonBody_ArrivesAsARequestWithThatBody(int padding)
    {
        var (connection, peer) = Pair();
        var raw = Map(padding);

        var sent = connection.SendRequestAsync(Writer, "t", 9, "__monitorwatcher__", new RawJson(raw)).AsTask();

        var request = Assert.IsType<RequestMessage>(await ReadMessageAsync(peer));
        Assert.Equal(9, request.ReqId);
        Assert.Equal("__monitorwatcher__", request.ModuleId);
        JsonText.Equal(Encoding.UTF8.GetString(raw), request.Body);
        Assert.True(await sent.WaitAsync(Wait.Timeout));
    }

    [Fact]
    public async Task SendResponseAsync_ErrorWithALargeRawJsonBody_KeepsBoth()
    {
        var (connection, peer) = Pair();
        var raw = Map(MqttConnection.ChunkSize);

        await connection.SendResponseAsync(Writer, "t", 5, "partial", new RawJson(raw)).AsTask().WaitAsync(Wait.Timeout);

        var response = Assert.IsType<ResponseMessage>(await ReadMessageAsync(peer));
        JsonText.Equal("\"partial\"", response.Error);
        JsonText.Equal(Encoding.UTF8.GetString(raw), response.Body);
    }

    private static byte[] Map(int padding)
        => Encoding.UTF8.GetBytes("{\"action\":\"replaceServer\",\"servers\":{\"a-1\":{\"id\":\"a-1\",\"pad\":\"" + new string('p', padding) + "\"}}}");

    private static async Task<AdminMessage> ReadMessageAsync(MqttConnection peer)
    {
        var publish = Assert.IsType<PublishPacket>((await peer.ReadAsync(CancellationToken.None).AsTask().WaitAsync(Wait.Timeout)).Packet);
        Assert.True(AdminMessageReader.TryReadMessage(publish.Payload.Span, out var message, out var error), error);
        return message;
    }

    private static (MqttConnection Connection, MqttConnection Peer) Pair()
    {
        var toPeer = new Pipe(new PipeOptions(pauseWriterThreshold: 64 * 1024, resumeWriterThreshold: 32 * 1024, useSynchronizationContext: false));
        var fromPeer = new Pipe(new PipeOptions(useSynchronizationContext: false));
        return (new MqttConnection(new Duplex(fromPeer.Reader, toPeer.Writer), MaxFrame), new MqttConnection(new Duplex(toPeer.Reader, fromPeer.Writer), MaxFrame));
    }

    private sealed class Duplex(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }
}
