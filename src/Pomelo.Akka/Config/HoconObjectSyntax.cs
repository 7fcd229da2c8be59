using System.Collections.Immutable;

namespace Pomelo.Akka.Config;

/// <summary>An object as written in the source: its members in order, before merging and includes.</summary>
/// <param name="Members">The fields and include directives in source order.</param>
/// <param name="Position">Where the object starts.</param>
internal sealed record HoconObjectSyntax(ImmutableArray<HoconMember> Members, HoconPosition Position) : HoconValue(Position);
