using Pomelo.Akka.Starter;

namespace Pomelo.Akka.Node.Starter;

/// <summary>What the starter needs from the command line: the config file and environment children get, the configured servers, standalone or not.</summary>
/// <param name="ConfigFile">The cluster config file passed to every child.</param>
/// <param name="Environment">The environment passed to every child.</param>
/// <param name="Configured">The configured servers.</param>
/// <param name="Standalone">Whether to start the master alone.</param>
internal sealed record StarterSettings(string ConfigFile, string Environment, IReadOnlyList<ServerSpec> Configured, bool Standalone);
