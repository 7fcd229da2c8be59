namespace Pomelo.Akka.Errors;

/// <summary>The base of every error a request to a module can complete with.</summary>
public class AdminRequestException : Exception
{
    /// <summary>Initializes the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public AdminRequestException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes the exception with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public AdminRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
