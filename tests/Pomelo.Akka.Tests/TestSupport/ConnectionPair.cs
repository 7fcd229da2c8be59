using System.IO.Pipelines;
using Pomelo.Akka.Internal;

namespace Pomelo.Akka.Tests.TestSupport;

/// <summary>Two <see cref="MqttConnection"/>s over in-memory pipes, and a look at what waits in a pipe unread.</summary>
internal static class ConnectionPair
{
    /// <summary>A connection and its peer; <paramref name="toPeer"/> carries what the connection writes (its options set the back-pressure).</summary>
    public static (MqttConnection Connection, MqttConnection Peer) Create(Pipe toPeer, int maxFrame)
    {
        var fromPeer = new Pipe(new PipeOptions(useSynchronizationContext: false));
        return (new MqttConnection(new Duplex(fromPeer.Reader, toPeer.Writer), maxFrame), new MqttConnection(new Duplex(toPeer.Reader, fromPeer.Writer), maxFrame));
    }

    /// <summary>How many bytes wait in the pipe unread, without consuming them.</summary>
    public static long Buffered(PipeReader reader)
    {
        if (!reader.TryRead(out var result))
        {
            return 0;
        }

        var length = result.Buffer.Length;
        reader.AdvanceTo(result.Buffer.Start, result.Buffer.Start);
        return length;
    }

    private sealed record Duplex(PipeReader Input, PipeWriter Output) : IDuplexPipe;
}
