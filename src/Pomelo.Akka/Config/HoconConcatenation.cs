using System.Collections.Immutable;

namespace Pomelo.Akka.Config;

/// <summary>
/// Several values written next to each other on one line (<c>${base}/logs</c>, <c>[1] [2]</c>, <c>${defaults} { x = 1 }</c>),
/// joined once substitutions are resolved: strings concatenate, arrays append, objects merge.
/// </summary>
/// <param name="Parts">The parts, including whitespace scalars between them.</param>
/// <param name="Position">Where the first part starts.</param>
internal sealed record HoconConcatenation(ImmutableArray<HoconValue> Parts, HoconPosition Position) : HoconValue(Position);
