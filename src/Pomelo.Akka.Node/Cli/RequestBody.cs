namespace Pomelo.Akka.Node.Cli;

/// <summary>A request body built field by field; fields left null are omitted rather than sent as null.</summary>
internal sealed class RequestBody
{
    private readonly Dictionary<string, object> _fields = new(StringComparer.Ordinal);

    private RequestBody(string name, string value) => _fields[name] = value;

    /// <summary>Gets the fields, serialised as the body object.</summary>
    public IReadOnlyDictionary<string, object> Fields => _fields;

    /// <summary>Starts a <c>__console__</c> body.</summary>
    /// <param name="signal">The signal.</param>
    /// <returns>The body.</returns>
    public static RequestBody Signal(string signal) => new("signal", signal);

    /// <summary>Starts a <c>watchServer</c> body.</summary>
    /// <param name="command">The command.</param>
    /// <param name="serverId">The target server, or null for the master.</param>
    /// <returns>The body.</returns>
    public static RequestBody Command(string command, string? serverId) => new RequestBody("command", command).With("serverId", serverId);

    /// <summary>Adds a field unless its value is null (or an empty list).</summary>
    /// <param name="name">The field.</param>
    /// <param name="value">Its value.</param>
    /// <returns>This body.</returns>
    public RequestBody With(string name, object? value)
    {
        if (value is not null && value is not string[] { Length: 0 })
        {
            _fields[name] = value;
        }

        return this;
    }
}
