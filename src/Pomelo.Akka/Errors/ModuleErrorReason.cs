namespace Pomelo.Akka.Errors;

/// <summary>Why a module could not handle a message.</summary>
public enum ModuleErrorReason
{
    /// <summary>No module has that id on the node.</summary>
    UnknownModule,

    /// <summary>The module is disabled.</summary>
    Disabled,

    /// <summary>The module's mailbox is full.</summary>
    Busy,

    /// <summary>The module was marked failed by its supervisor.</summary>
    Failed,

    /// <summary>The module lacks the handler the message needs.</summary>
    NoHandler,

    /// <summary>The handler threw.</summary>
    HandlerFailed,

    /// <summary>The node is stopping.</summary>
    Stopped,
}
