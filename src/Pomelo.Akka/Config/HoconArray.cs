using System.Collections.Immutable;

namespace Pomelo.Akka.Config;

/// <summary>An ordered list of values.</summary>
/// <param name="Elements">The array elements in source order.</param>
/// <param name="Position">Where the opening bracket is.</param>
internal sealed record HoconArray(ImmutableArray<HoconValue> Elements, HoconPosition Position) : HoconValue(Position);
