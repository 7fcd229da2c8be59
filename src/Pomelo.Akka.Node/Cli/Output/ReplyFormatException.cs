namespace Pomelo.Akka.Node.Cli.Output;

/// <summary>The master's reply did not have the documented shape.</summary>
/// <param name="message">What was missing or wrong.</param>
internal sealed class ReplyFormatException(string message) : Exception("unexpected reply from the master: " + message);
