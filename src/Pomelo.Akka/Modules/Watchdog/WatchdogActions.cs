namespace Pomelo.Akka.Modules.Watchdog;

/// <summary>The actions of pomelo's watchdog modules, as they appear in <c>{action: ...}</c> bodies.</summary>
public static class WatchdogActions
{
    /// <summary>Monitor → master: subscribe to server map changes; the reply is the full map.</summary>
    public const string Subscribe = "subscribe";

    /// <summary>Monitor → master: stop receiving map changes.</summary>
    public const string Unsubscribe = "unsubscribe";

    /// <summary>Monitor → master: read the full map.</summary>
    public const string Query = "query";

    /// <summary>Monitor → master: this server has started (counts towards startOver).</summary>
    public const string Record = "record";

    /// <summary>Master → monitor: a server is Up.</summary>
    public const string AddServer = "addServer";

    /// <summary>Master → monitor: a server is unreachable or removed.</summary>
    public const string RemoveServer = "removeServer";

    /// <summary>Master → monitor: the full map, to a server that came back.</summary>
    public const string ReplaceServer = "replaceServer";

    /// <summary>Master → monitor: every configured server has started.</summary>
    public const string StartOver = "startOver";
}
