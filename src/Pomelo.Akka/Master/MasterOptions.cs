using System.ComponentModel.DataAnnotations;

namespace Pomelo.Akka.Master;

/// <summary>The master's options (config section <c>pomelo:master</c>); defaults are in <c>hocon/reference.conf</c>.</summary>
public sealed class MasterOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "pomelo:master";

    /// <summary>Gets or sets the master's server id (default <c>master-server-1</c>).</summary>
    [Required]
    public string Id { get; set; } = "master-server-1";

    /// <summary>Gets or sets the address the admin port listens on (default 127.0.0.1).</summary>
    [Required]
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>Gets or sets the admin port (default 3005; 0 picks a free port).</summary>
    [Range(0, 65535)]
    public int Port { get; set; } = 3005;

    /// <summary>Gets or sets how long a new connection has to send CONNECT and register (default 5 s).</summary>
    public TimeSpan RegisterTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets the default deadline of a request to a monitor (default 10 s).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets the largest MQTT frame accepted, header included (default 1 MiB).</summary>
    [Range(64, int.MaxValue)]
    public int MaxFrameSize { get; set; } = 1024 * 1024;

    /// <summary>
    /// Gets or sets how many bytes written to one connection may wait for the socket before writers wait for it
    /// (default 16 KiB). Large frames go out in 16 KiB pieces under this limit, so a connection never stages a whole
    /// server map at once — its transport would keep those buffers for its lifetime.
    /// </summary>
    [Range(4 * 1024, int.MaxValue)]
    public int WriteBufferSize { get; set; } = 16 * 1024;

    /// <summary>Gets or sets how many requests one connection may have in flight at the master (default 1000); more are refused.</summary>
    [Range(1, int.MaxValue)]
    public int MaxInflightPerConnection { get; set; } = 1000;

    /// <summary>Gets or sets how often connections are checked for silence (default 1 s).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the slack added to 1.5 × a peer's declared keep-alive before its silent connection is closed (default 3 s).</summary>
    public TimeSpan KeepAliveGrace { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Gets or sets whether the master runs its own monitor (server type <c>master</c>) so it appears in lists (default true).</summary>
    public bool RunOwnMonitor { get; set; } = true;

    /// <summary>Gets or sets when the master gives memory back after a registration storm (<see cref="MemoryTrim"/>).</summary>
    public MemoryTrimOptions MemoryTrim { get; set; } = new();
}
