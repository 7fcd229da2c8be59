using Microsoft.Extensions.Logging;
using Pomelo.Akka.Protocol.Mqtt;

namespace Pomelo.Akka.Master;

/// <summary>Log messages of master sessions (event ids 1100–1199).</summary>
internal abstract partial class MasterSession
{
    [LoggerMessage(1100, LogLevel.Warning, "{Peer}: protocol error {Code}: {Reason}; closing")]
    private static partial void LogProtocolError(ILogger logger, string peer, MqttErrorCode code, string reason);

    [LoggerMessage(1101, LogLevel.Information, "{Peer}: connection closed")]
    private static partial void LogClosed(ILogger logger, string peer);

    [LoggerMessage(1108, LogLevel.Information, "{Peer}: connection reset by the peer")]
    private static partial void LogReset(ILogger logger, string peer);

    [LoggerMessage(1102, LogLevel.Information, "{Peer}: disconnected cleanly")]
    private static partial void LogLeft(ILogger logger, string peer);

    [LoggerMessage(1103, LogLevel.Warning, "{Peer}: message on unexpected topic {Topic} ignored")]
    private static partial void LogUnexpectedTopic(ILogger logger, string peer, string topic);

    [LoggerMessage(1104, LogLevel.Warning, "{Peer}: unexpected {PacketType} packet; closing")]
    private static partial void LogUnexpectedPacket(ILogger logger, string peer, MqttPacketType packetType);

    [LoggerMessage(1105, LogLevel.Warning, "{Peer}: bad message ({Reason}); closing")]
    private static partial void LogBadMessage(ILogger logger, string peer, string reason);

    [LoggerMessage(1106, LogLevel.Warning, "{Peer}: too many requests in flight; {Count} requests refused since the last report")]
    private static partial void LogTooManyInflight(ILogger logger, string peer, long count);

    [LoggerMessage(1107, LogLevel.Error, "{Peer}: reply to request {ReqId} failed")]
    private static partial void LogReplyFailed(ILogger logger, Exception exception, string peer, long reqId);
}
