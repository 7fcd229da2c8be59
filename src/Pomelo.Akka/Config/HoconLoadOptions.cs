namespace Pomelo.Akka.Config;

/// <summary>Everything needed to load one HOCON document besides its text.</summary>
/// <param name="DisplayName">The name used in error positions (a file path, or a label for in-memory text).</param>
/// <param name="Directory">The directory relative includes are resolved against.</param>
/// <param name="FullPath">The document's own full path when it is a file, so including it again is reported as a cycle.</param>
/// <param name="EnvironmentLookup">Looks up environment variables for substitutions not found in the document.</param>
internal sealed record HoconLoadOptions(string DisplayName, string Directory, string? FullPath, Func<string, string?> EnvironmentLookup);
