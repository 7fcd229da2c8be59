using System.Collections.Immutable;

namespace Pomelo.Akka.Config;

/// <summary>
/// Successive values of one field that cannot be merged before substitutions are resolved
/// (for example <c>a = ${defaults}</c> followed by <c>a { x = 1 }</c>). Resolved by folding the values in order.
/// </summary>
/// <param name="Values">The values from earliest to latest.</param>
/// <param name="Position">Where the earliest value starts.</param>
internal sealed record HoconDelayedMerge(ImmutableArray<HoconValue> Values, HoconPosition Position) : HoconValue(Position);
