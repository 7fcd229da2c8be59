namespace Pomelo.Akka.Console;

/// <summary>
/// The actors a read loop queued parse-deferred notifies to without starting their drain. The loop starts them all
/// at once when it has no frame left at hand, before it waits on its pipe or on a full mailbox. A notify flood then
/// costs one thread-pool item per batch of frames read, not one each time the actor had caught up with the loop
/// (which, measured, was every 10 to 35 notifies). Owned by one read loop, never shared.
/// </summary>
internal sealed class DrainKicks
{
    private ModuleActor? _first;
    private List<ModuleActor>? _more;

    /// <summary>Gets whether a drain waits to be started.</summary>
    public bool Pending => _first is not null;

    /// <summary>Notes an idle actor with messages queued, to start at the next <see cref="Flush"/>.</summary>
    public void Add(ModuleActor actor)
    {
        if (_first is null)
        {
            _first = actor;
        }
        else if (!ReferenceEquals(_first, actor) && _more?.Contains(actor) != true)
        {
            (_more ??= []).Add(actor);
        }
    }

    /// <summary>Starts the drain of every actor noted since the last flush (one already draining is left alone).</summary>
    public void Flush()
    {
        if (_first is not { } first)
        {
            return;
        }

        _first = null;
        first.Kick();
        if (_more is { Count: > 0 } more)
        {
            foreach (var actor in more)
            {
                actor.Kick();
            }

            more.Clear();
        }
    }
}
