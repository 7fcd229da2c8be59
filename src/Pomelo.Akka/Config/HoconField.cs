using System.Collections.Immutable;

namespace Pomelo.Akka.Config;

/// <summary>A <c>path = value</c>, <c>path : value</c>, <c>path { ... }</c> or <c>path += value</c> entry as written.</summary>
/// <param name="Path">The key split into path segments (<c>a.b.c</c> gives three segments).</param>
/// <param name="Value">The value as parsed, objects still in syntax form.</param>
/// <param name="Append">Whether the field was written with <c>+=</c>.</param>
/// <param name="Position">Where the key starts.</param>
internal sealed record HoconField(ImmutableArray<string> Path, HoconValue Value, bool Append, HoconPosition Position)
    : HoconMember(Position);
