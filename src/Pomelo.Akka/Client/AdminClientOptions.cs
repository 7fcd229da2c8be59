namespace Pomelo.Akka.Client;

/// <summary>How an admin client reaches and logs in to a master.</summary>
public sealed class AdminClientOptions
{
    /// <summary>Gets or sets the master's host (default 127.0.0.1).</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>Gets or sets the master's admin port (default 3005).</summary>
    public int Port { get; set; } = 3005;

    /// <summary>Gets or sets the user name.</summary>
    public string Username { get; set; } = string.Empty;

    /// <summary>Gets or sets the password (plaintext; sent as its md5 hex when <see cref="Md5"/> is true).</summary>
    public string Password { get; set; } = string.Empty;

    /// <summary>Gets or sets whether to send the md5 of the password, as pomelo-cli does (default false).</summary>
    public bool Md5 { get; set; }

    /// <summary>Gets or sets the client id; a random one when null.</summary>
    public string? ClientId { get; set; }

    /// <summary>Gets or sets the connect and login deadline (default 5 s).</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets the default request deadline (default 10 s).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets the keep-alive declared in CONNECT and the ping interval (default 30 s; zero disables pings).</summary>
    public TimeSpan KeepAlive { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the largest MQTT frame accepted (default 1 MiB).</summary>
    public int MaxFrameSize { get; set; } = 1024 * 1024;
}
