namespace Pomelo.Akka.Master;

/// <summary>The master could not start, for example because its port is already in use.</summary>
/// <param name="message">What went wrong.</param>
/// <param name="innerException">The cause.</param>
public sealed class MasterStartException(string message, Exception? innerException = null) : Exception(message, innerException);
