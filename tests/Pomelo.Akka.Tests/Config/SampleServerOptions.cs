namespace Pomelo.Akka.Tests.Config;

/// <summary>An options class bound from HOCON in tests: durations, sizes, booleans and lists.</summary>
public sealed class SampleServerOptions
{
    public string Host { get; set; } = string.Empty;

    public int Port { get; set; }

    public TimeSpan Timeout { get; set; }

    public TimeSpan HeartbeatInterval { get; set; }

    public long MaxMessageSize { get; set; }

    public long BufferSize { get; set; }

    public bool Compress { get; set; }

    public bool Debug { get; set; } = true;

    public int Interval { get; set; }

    public List<string> Peers { get; set; } = [];
}
