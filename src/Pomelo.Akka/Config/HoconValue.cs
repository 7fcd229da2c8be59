namespace Pomelo.Akka.Config;

/// <summary>
/// A node of the HOCON value tree. The parser produces syntax nodes (<see cref="HoconObjectSyntax"/>),
/// the tree builder turns them into merged objects that may still contain substitutions,
/// and the resolver produces a tree made only of <see cref="HoconObject"/>, <see cref="HoconArray"/> and <see cref="HoconScalar"/>.
/// </summary>
/// <param name="Position">Where the value starts in its source.</param>
internal abstract record HoconValue(HoconPosition Position);
