using System.Text.Json;
using System.Threading.Channels;
using Pomelo.Akka.Console;
using Pomelo.Akka.Master;

namespace Pomelo.Akka.Tests.Console.TestModules;

/// <summary>A master-handler module that writes every message (null for a tick) to a channel and echoes it.</summary>
public sealed class TickRecordingModule : IMasterHandler
{
    private readonly Channel<JsonElement?> _received = Channel.CreateUnbounded<JsonElement?>();

    public ChannelReader<JsonElement?> Received => _received.Reader;

    public ValueTask<object?> MasterHandlerAsync(IMasterAgent agent, JsonElement? message, CancellationToken cancellationToken)
    {
        _received.Writer.TryWrite(message);
        return ValueTask.FromResult<object?>(message);
    }
}
