using Pomelo.Akka.Errors;

namespace Pomelo.Akka.Modules.WatchServer;

/// <summary>The error replies of the <c>watchServer</c> module; each message is sent to the client as it is.</summary>
internal static class WatchServerErrors
{
    public const string InvalidRequestMessage = "invalid watchServer request";

    public const string DeniedMessage = "Command permission denied";

    public static AdminRequestException InvalidRequest() => new(InvalidRequestMessage);

    public static AdminRequestException Denied() => new(DeniedMessage);

    public static AdminRequestException UnknownCommand(string command) => new("unknown command: " + command);

    public static AdminRequestException MissingKey(string command) => new(command + " needs a key");

    public static AdminRequestException MissingValue() => new("set needs a value");

    public static AdminRequestException RunNotAvailable() => new("run is not available on this node yet");

    public static AdminRequestException DumpNotAvailable() => new("dump is not available on this node yet");
}
