namespace Pomelo.Akka.Starter;

/// <summary>A server process the starter launched.</summary>
/// <param name="Spec">What was launched.</param>
/// <param name="Pid">The process id of its current process (the local process, or the local ssh client for a remote host).</param>
/// <param name="Running">Whether that process is running.</param>
/// <param name="Restarts">How many times it was restarted after dying unasked.</param>
public sealed record ManagedServer(ServerSpec Spec, int Pid, bool Running, int Restarts);
