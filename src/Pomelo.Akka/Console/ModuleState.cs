namespace Pomelo.Akka.Console;

/// <summary>The supervision state of a module actor.</summary>
public enum ModuleState
{
    /// <summary>Handling messages.</summary>
    Running,

    /// <summary>Waiting out a back-off before it is recreated from its factory.</summary>
    Restarting,

    /// <summary>Failed too often; every message is answered with an error until it is enabled again.</summary>
    Failed,

    /// <summary>Stopped with its node.</summary>
    Stopped,
}
