using System.Text.Json;

namespace Pomelo.Akka.Node.Tests.Cli.Support;

/// <summary>A request a stub module received: the body as sent and who sent it.</summary>
/// <param name="Body">The body (a clone), or null.</param>
/// <param name="User">The caller's user name.</param>
/// <param name="Level">The caller's authenticated level.</param>
public sealed record StubRequest(JsonElement? Body, string User, int Level)
{
    /// <summary>Gets the body as compact JSON text.</summary>
    public string Json => Body?.GetRawText() ?? "null";
}
