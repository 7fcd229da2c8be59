namespace Pomelo.Akka.Config;

/// <summary>A string, number, boolean or null leaf value.</summary>
/// <param name="Value">The text of the value, or <see langword="null"/> for the HOCON <c>null</c> literal.</param>
/// <param name="Kind">How the value was written.</param>
/// <param name="Position">Where the value starts in its source.</param>
internal sealed record HoconScalar(string? Value, HoconScalarKind Kind, HoconPosition Position) : HoconValue(Position);
