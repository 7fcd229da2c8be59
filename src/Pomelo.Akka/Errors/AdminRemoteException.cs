using System.Text.Json;

namespace Pomelo.Akka.Errors;

/// <summary>An error reply: the remote handler threw, the module is unknown, disabled, busy or failed.</summary>
public sealed class AdminRemoteException : AdminRequestException
{
    /// <summary>Initializes the exception from the reply's <c>error</c> value.</summary>
    /// <param name="error">The error value as sent (a string, or an object with <c>message</c>).</param>
    public AdminRemoteException(JsonElement error)
        : base(MessageOf(error))
    {
        Error = error;
    }

    /// <summary>Gets the error value as sent.</summary>
    public JsonElement Error { get; }

    /// <summary>Extracts a readable text from an error value.</summary>
    /// <param name="error">A string, or an object with a <c>message</c> field, or anything else.</param>
    /// <returns>The text.</returns>
    public static string MessageOf(JsonElement error) => error.ValueKind switch
    {
        JsonValueKind.String => error.GetString() ?? string.Empty,
        JsonValueKind.Object when error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String => m.GetString()!,
        _ => error.GetRawText(),
    };
}
