namespace Pomelo.Akka.Modules.WatchServer;

/// <summary>Stands in when the application registered no <see cref="IServerStatusSource"/>: every report is empty.</summary>
internal sealed class NoServerStatusSource : IServerStatusSource
{
}
