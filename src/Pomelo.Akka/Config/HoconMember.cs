namespace Pomelo.Akka.Config;

/// <summary>One entry of an object as written in the source: a field or an include directive.</summary>
/// <param name="Position">Where the member starts.</param>
internal abstract record HoconMember(HoconPosition Position);
