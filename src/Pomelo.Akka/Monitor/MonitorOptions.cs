using System.ComponentModel.DataAnnotations;

namespace Pomelo.Akka.Monitor;

/// <summary>A monitor's options (config section <c>pomelo:monitor</c>); defaults are in <c>hocon/reference.conf</c>.</summary>
public sealed class MonitorOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "pomelo:monitor";

    /// <summary>Gets or sets this server's id.</summary>
    [Required]
    public string Id { get; set; } = string.Empty;

    /// <summary>Gets or sets this server's type (connector, area, ...).</summary>
    [Required]
    public string ServerType { get; set; } = string.Empty;

    /// <summary>Gets or sets this server's own host, reported in its info.</summary>
    public string? Host { get; set; }

    /// <summary>Gets or sets this server's own port, reported in its info.</summary>
    public int? Port { get; set; }

    /// <summary>Gets or sets extra info fields reported at registration (pomelo's server config entries).</summary>
    public Dictionary<string, string?> Info { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Gets or sets the master's host (default 127.0.0.1).</summary>
    [Required]
    public string MasterHost { get; set; } = "127.0.0.1";

    /// <summary>Gets or sets the master's admin port (default 3005).</summary>
    [Range(1, 65535)]
    public int MasterPort { get; set; } = 3005;

    /// <summary>Gets or sets the token sent at registration; when null it is looked up by server type in the adminServer file.</summary>
    public string? Token { get; set; }

    /// <summary>Gets or sets the heartbeat (MQTT PINGREQ) interval, also declared as the CONNECT keep-alive (default 1 s).</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets how long the master may stay silent beyond two heartbeats before the connection is dropped (default 10 s, Akka's acceptable pause for remote watch: dropping a live master costs the whole cluster a re-registration broadcast).</summary>
    public TimeSpan HeartbeatGrace { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets the TCP connect deadline (default 5 s).</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Gets or sets how long to wait for CONNACK once connected (the register goes right behind CONNECT), and then as
    /// long again for the register reply (default 5 s).
    /// </summary>
    public TimeSpan RegisterTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets the first reconnect delay; it doubles per failed attempt (default 1 s).</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the longest reconnect delay (default 10 s).</summary>
    public TimeSpan ReconnectDelayMax { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets the default deadline of a request to the master (default 10 s).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets the largest MQTT frame accepted, header included (default 1 MiB).</summary>
    [Range(64, int.MaxValue)]
    public int MaxFrameSize { get; set; } = 1024 * 1024;
}
