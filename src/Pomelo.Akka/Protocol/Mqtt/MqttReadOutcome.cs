namespace Pomelo.Akka.Protocol.Mqtt;

/// <summary>
/// The result of <see cref="MqttPipeReaderExtensions.ReadPacketAsync(System.IO.Pipelines.PipeReader, int, CancellationToken)"/>: exactly one of a packet, an error,
/// or a clean end of stream.
/// </summary>
/// <param name="Packet">The packet read, when the read succeeded.</param>
/// <param name="Error">The protocol error, when the bytes were invalid or the stream ended mid-frame.</param>
/// <param name="Completed">True when the stream ended cleanly on a frame boundary.</param>
public readonly record struct MqttReadOutcome(MqttPacket? Packet, MqttProtocolError? Error, bool Completed);
