namespace Pomelo.Akka.Starter;

/// <summary>
/// Lets the console stop or kill the node it runs in. The node executable provides it; embedded nodes (tests, apps
/// that host a monitor) do not, and the console then answers that the node cannot stop itself.
/// </summary>
public interface INodeControl
{
    /// <summary>Stops the node gracefully (its hosted services stop, its monitor sends DISCONNECT).</summary>
    void Stop();

    /// <summary>Ends the process at once.</summary>
    void Kill();
}
