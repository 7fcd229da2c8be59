using System.Text.Json;
using Pomelo.Akka.Protocol;
using Pomelo.Akka.Master;
using Pomelo.Akka.Monitor;

namespace Pomelo.Akka.Console;

/// <summary>
/// A message in a module's mailbox: which handler to call, with what, and where the reply goes — a task
/// (<see cref="Reply"/>, for in-process callers) or a connection's <see cref="ReplyTo"/> with the request id, which the
/// actor answers directly, without a task or a thread hop.
/// </summary>
internal abstract record ModuleInvocation(JsonElement? Message, TaskCompletionSource<object?>? Reply)
{
    /// <summary>Gets the connection that asked, answered with <see cref="ReqId"/>; null for in-process asks, notifies and ticks.</summary>
    public IModuleReplyTarget? ReplyTo { get; init; }

    /// <summary>Gets the request id <see cref="ReplyTo"/> is answered with.</summary>
    public long ReqId { get; init; }

    /// <summary>
    /// Gets the message as bytes still to parse, instead of <see cref="Message"/>: parsed by the actor right before its
    /// handler runs, on the actor's thread (such an invocation is always queued, never run on the poster's thread).
    /// </summary>
    public DeferredJson? DeferredMessage { get; init; }

    /// <summary>Gets whether someone waits for a reply.</summary>
    public bool ExpectsReply => Reply is not null || ReplyTo is not null;

    /// <summary>Gets whether this is a scheduled tick (no message, no reply).</summary>
    public virtual bool IsTick => Message is null && DeferredMessage is null && !ExpectsReply;

    /// <summary>Gets the message for the handler: <see cref="Message"/>, or <see cref="DeferredMessage"/> parsed now.</summary>
    protected JsonElement? HandlerMessage => Message ?? DeferredMessage?.Parse();

    /// <summary>Answers the caller, if any, with the handler's result.</summary>
    public void Complete(object? result)
    {
        if (ReplyTo is { } target)
        {
            target.Reply(ReqId, result, null);
        }
        else
        {
            Reply?.TrySetResult(result);
        }
    }

    /// <summary>Answers the caller, if any, with an error.</summary>
    public void Fail(Exception error)
    {
        if (ReplyTo is { } target)
        {
            target.Reply(ReqId, null, error);
        }
        else
        {
            Reply?.TrySetException(error);
        }
    }

    /// <summary>Gets pomelo's name of the handler, for error messages.</summary>
    public abstract string HandlerName { get; }

    /// <summary>Calls the handler on <paramref name="module"/>, or throws <see cref="MissingHandlerException"/>.</summary>
    public abstract ValueTask<object?> InvokeAsync(IAdminModule module, CancellationToken cancellationToken);
}

/// <summary>A monitor's message, or a pull tick, for a master handler.</summary>
internal sealed record MasterHandlerInvocation(IMasterAgent Agent, JsonElement? Message, TaskCompletionSource<object?>? Reply)
    : ModuleInvocation(Message, Reply)
{
    public override string HandlerName => "masterHandler";

    public override ValueTask<object?> InvokeAsync(IAdminModule module, CancellationToken cancellationToken)
        => module is IMasterHandler h ? h.MasterHandlerAsync(Agent, HandlerMessage, cancellationToken) : throw new MissingHandlerException(HandlerName);
}

/// <summary>The master's message, or a push tick, for a monitor handler.</summary>
internal sealed record MonitorHandlerInvocation(IMonitorAgent Agent, JsonElement? Message, TaskCompletionSource<object?>? Reply)
    : ModuleInvocation(Message, Reply)
{
    public override string HandlerName => "monitorHandler";

    public override ValueTask<object?> InvokeAsync(IAdminModule module, CancellationToken cancellationToken)
        => module is IMonitorHandler h ? h.MonitorHandlerAsync(Agent, HandlerMessage, cancellationToken) : throw new MissingHandlerException(HandlerName);
}

/// <summary>A client's request or notify for a client handler.</summary>
internal sealed record ClientHandlerInvocation(IMasterAgent Agent, ClientCaller Caller, JsonElement? Message, TaskCompletionSource<object?>? Reply)
    : ModuleInvocation(Message, Reply)
{
    public override bool IsTick => false;

    public override string HandlerName => "clientHandler";

    public override ValueTask<object?> InvokeAsync(IAdminModule module, CancellationToken cancellationToken)
        => module is IClientHandler h ? h.ClientHandlerAsync(Agent, Caller, HandlerMessage, cancellationToken) : throw new MissingHandlerException(HandlerName);
}

/// <summary>Thrown when a module lacks the handler a message needs; answered as an error, not a module failure.</summary>
/// <param name="handler">pomelo's handler name.</param>
internal sealed class MissingHandlerException(string handler) : Exception(handler)
{
    public string Handler { get; } = handler;
}
