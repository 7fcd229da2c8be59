namespace Pomelo.Akka.Protocol.Mqtt;

/// <summary>A protocol violation found while reading a frame; the connection should normally be closed.</summary>
/// <param name="Code">The machine-readable reason.</param>
/// <param name="Message">A human-readable description for logs.</param>
public sealed record MqttProtocolError(MqttErrorCode Code, string Message);
