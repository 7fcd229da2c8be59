namespace Pomelo.Akka.Protocol;

/// <summary>The MQTT topics pomelo-admin uses; topics are implied, there is no SUBSCRIBE.</summary>
public static class AdminTopics
{
    /// <summary>Monitor or client registration, and the master's reply.</summary>
    public const string Register = "register";

    /// <summary>A monitor resuming its session after a dropped connection.</summary>
    public const string Reconnect = "reconnect";

    /// <summary>The master's reply to <see cref="Reconnect"/>.</summary>
    public const string ReconnectOk = "reconnect_ok";

    /// <summary>Traffic between the master and a monitor.</summary>
    public const string Monitor = "monitor";

    /// <summary>Traffic between the master and an admin client.</summary>
    public const string Client = "client";
}
