using System.Collections.Immutable;

namespace Pomelo.Akka.Config;

/// <summary>Where the file being built lives and how it was reached, for resolving includes and their substitutions.</summary>
/// <param name="Directory">The directory relative includes are resolved against.</param>
/// <param name="FileStack">Full paths of the files currently being included, outermost first, for cycle detection.</param>
/// <param name="Prefix">The path at which the current file is included; substitutions in it are looked up under this prefix first.</param>
internal sealed record HoconIncludeContext(string Directory, ImmutableList<string> FileStack, ImmutableArray<string> Prefix);
