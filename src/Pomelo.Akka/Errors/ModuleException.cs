namespace Pomelo.Akka.Errors;

/// <summary>A module could not handle a message: unknown, disabled, busy, failed, lacking the handler, or the handler threw.</summary>
public sealed class ModuleException : AdminRequestException
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="moduleId">The module.</param>
    /// <param name="reason">Why.</param>
    /// <param name="message">The text sent to the requester.</param>
    /// <param name="innerException">The handler's exception, when it threw.</param>
    public ModuleException(string moduleId, ModuleErrorReason reason, string message, Exception? innerException = null)
        : base(message, innerException ?? new InvalidOperationException(message))
    {
        ModuleId = moduleId;
        Reason = reason;
    }

    /// <summary>Gets the module id.</summary>
    public string ModuleId { get; }

    /// <summary>Gets why the module could not handle the message.</summary>
    public ModuleErrorReason Reason { get; }

    /// <summary>An unknown module id (pomelo's text).</summary>
    /// <param name="moduleId">The id.</param>
    /// <returns>The exception.</returns>
    public static ModuleException Unknown(string moduleId) => new(moduleId, ModuleErrorReason.UnknownModule, "unknown moduleId:" + moduleId);

    /// <summary>A disabled module (pomelo's text).</summary>
    /// <param name="moduleId">The id.</param>
    /// <returns>The exception.</returns>
    public static ModuleException Disabled(string moduleId) => new(moduleId, ModuleErrorReason.Disabled, "module " + moduleId + " is disable");

    /// <summary>A full mailbox.</summary>
    /// <param name="moduleId">The id.</param>
    /// <returns>The exception.</returns>
    public static ModuleException Busy(string moduleId) => new(moduleId, ModuleErrorReason.Busy, "module " + moduleId + " is busy, try again later");

    /// <summary>A module marked failed by its supervisor.</summary>
    /// <param name="moduleId">The id.</param>
    /// <param name="lastError">Its last error.</param>
    /// <returns>The exception.</returns>
    public static ModuleException Failed(string moduleId, string? lastError)
        => new(moduleId, ModuleErrorReason.Failed, "module " + moduleId + " has failed" + (lastError is null ? string.Empty : ": " + lastError));

    /// <summary>A module lacking the handler a message needs.</summary>
    /// <param name="moduleId">The id.</param>
    /// <param name="handler">pomelo's handler name.</param>
    /// <returns>The exception.</returns>
    public static ModuleException NoHandler(string moduleId, string handler)
        => new(moduleId, ModuleErrorReason.NoHandler, "module " + moduleId + " does not have a method called " + handler);

    /// <summary>A module stopped with its node.</summary>
    /// <param name="moduleId">The id.</param>
    /// <returns>The exception.</returns>
    public static ModuleException Stopped(string moduleId) => new(moduleId, ModuleErrorReason.Stopped, "module " + moduleId + " is stopped");
}
