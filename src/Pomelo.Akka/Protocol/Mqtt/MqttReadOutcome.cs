namespace Pomelo.Akka.Protocol.Mqtt;

/// <summary>
/// The result of <see cref="MqttPipeReaderExtensions.ReadPacketAsync(System.IO.Pipelines.PipeReader, int, CancellationToken)"/>: exactly one of a packet, an error,
/// or an end of stream.
/// </summary>
/// <param name="Packet">The packet read, when the read succeeded.</param>
/// <param name="Error">The protocol error, when the bytes were invalid or the stream ended mid-frame.</param>
/// <param name="Completed">True when the stream ended on a frame boundary, or the peer reset the connection.</param>
/// <param name="Reset">True when the stream ended by a reset (a peer gone with unread bytes, a dead host) rather than a close.</param>
public readonly record struct MqttReadOutcome(MqttPacket? Packet, MqttProtocolError? Error, bool Completed, bool Reset = false);
