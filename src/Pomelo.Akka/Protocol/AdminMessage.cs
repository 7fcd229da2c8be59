using System.Text.Json;

namespace Pomelo.Akka.Protocol;

/// <summary>A message on the <c>monitor</c> or <c>client</c> topic.</summary>
public abstract record AdminMessage;

/// <summary>A request that expects a response: <c>{reqId, moduleId, body}</c>.</summary>
/// <param name="ReqId">The id the response's <c>respId</c> repeats.</param>
/// <param name="ModuleId">The target module.</param>
/// <param name="Body">The message body; null when absent.</param>
public sealed record RequestMessage(long ReqId, string ModuleId, JsonElement? Body) : AdminMessage;

/// <summary>A one-way message: <c>{moduleId, body}</c>.</summary>
/// <param name="ModuleId">The target module.</param>
/// <param name="Body">The message body; null when absent.</param>
public sealed record NotifyMessage(string ModuleId, JsonElement? Body) : AdminMessage;

/// <summary>A response: <c>{respId, error, body}</c>.</summary>
/// <param name="RespId">The request id it answers.</param>
/// <param name="Error">The error value when the request failed (pomelo also puts some data here).</param>
/// <param name="Body">The reply body.</param>
public sealed record ResponseMessage(long RespId, JsonElement? Error, JsonElement? Body) : AdminMessage;

/// <summary>A console command: <c>{reqId?, command, moduleId, body}</c> (commands: list, enable, disable).</summary>
/// <param name="ReqId">The request id when a response is expected.</param>
/// <param name="Command">The command name.</param>
/// <param name="ModuleId">The module the command is about, if any.</param>
/// <param name="Body">Extra arguments.</param>
public sealed record CommandMessage(long? ReqId, string Command, string? ModuleId, JsonElement? Body) : AdminMessage;

/// <summary>A <see cref="NotifyMessage"/> whose body is checked but not yet parsed (see <see cref="DeferredJson"/>).</summary>
/// <param name="ModuleId">The target module.</param>
/// <param name="Body">The message body's bytes.</param>
internal sealed record DeferredNotifyMessage(string ModuleId, DeferredJson Body) : AdminMessage;
