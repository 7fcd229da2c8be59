using Microsoft.Extensions.Logging;
using Pomelo.Akka.Errors;

namespace Pomelo.Akka.Console;

/// <summary>
/// The role-neutral core of a ConsoleService: the module actors of one node, their schedules (pull ticks on the master,
/// push ticks on monitors) and enable/disable. The master and monitor console services each own one.
/// </summary>
internal sealed partial class ModuleHost : IAsyncDisposable
{
    private readonly Dictionary<string, ModuleActor> _actors = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private readonly Dictionary<string, CancellationTokenSource> _schedules = new(StringComparer.Ordinal);
    private readonly Lock _scheduleLock = new();
    private readonly ScheduleType _scheduledHere;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly LogThrottle _unknown;
    private readonly TimeSpan _fullWait;
    private Func<ModuleInvocation>? _tick;
    private bool _started;

    public ModuleHost(
        IEnumerable<AdminModuleRegistration> registrations,
        ScheduleType scheduledHere,
        ModuleFactoryContextFactory contextFactory,
        ModuleSupervisionOptions supervision,
        TimeProvider time,
        ILoggerFactory loggerFactory)
    {
        _scheduledHere = scheduledHere;
        _time = time;
        _logger = loggerFactory.CreateLogger<ModuleHost>();
        _unknown = new LogThrottle(time, supervision.WarningInterval);
        _fullWait = supervision.MailboxFullWait;
        var actorLogger = loggerFactory.CreateLogger<ModuleActor>();
        foreach (var registration in registrations)
        {
            if (!_actors.ContainsKey(registration.Id))
            {
                _order.Add(registration.Id);
            }

            _actors[registration.Id] = new ModuleActor(registration, contextFactory(registration.Options.Clone()), supervision, time, actorLogger);
        }
    }

    /// <summary>Builds the factory context of one module from its options.</summary>
    public delegate ModuleFactoryContext ModuleFactoryContextFactory(AdminModuleOptions options);

    public IEnumerable<string> ModuleIds => _order;

    /// <summary>Creates every module instance, enables the schedules of enabled modules and runs their Start.</summary>
    public async Task StartAsync(Func<ModuleInvocation> tick)
    {
        _tick = tick;
        foreach (var id in _order)
        {
            _actors[id].Activate();
        }

        lock (_scheduleLock)
        {
            _started = true;
            foreach (var id in _order)
            {
                if (_actors[id].Enabled)
                {
                    StartSchedule(_actors[id]);
                }
            }
        }

        await Task.WhenAll(_order.Select(id => _actors[id].StartModuleAsync())).ConfigureAwait(false);
    }

    public bool TryGet(string moduleId, out ModuleActor actor) => _actors.TryGetValue(moduleId, out actor!);

    /// <summary>Asks a module; unknown modules fail with pomelo's message, a full mailbox with "busy".</summary>
    public Task<object?> AskAsync(string moduleId, ModuleInvocation invocation)
    {
        Ask(moduleId, invocation);
        return invocation.Reply!.Task;
    }

    /// <summary>
    /// Asks a module without waiting: the invocation is answered (through its reply task or its
    /// <see cref="ModuleInvocation.ReplyTo"/>) by the module, or at once when the module is unknown, busy or stopped.
    /// </summary>
    public void Ask(string moduleId, ModuleInvocation invocation)
    {
        if (!_actors.TryGetValue(moduleId, out var actor))
        {
            if (_unknown.TryHit(out var count))
            {
                LogUnknownModule(_logger, moduleId, count);
            }

            invocation.Fail(ModuleException.Unknown(moduleId));
            return;
        }

        switch (actor.TryAsk(invocation))
        {
            case ModuleActor.PostOutcome.Full:
                if (actor.BusyRefusals.TryHit(out var refused))
                {
                    LogBusy(_logger, moduleId, actor.Options.MailboxCapacity, refused);
                }

                invocation.Fail(ModuleException.Busy(moduleId));
                break;
            case ModuleActor.PostOutcome.Stopped:
                invocation.Fail(ModuleException.Stopped(moduleId));
                break;
        }
    }

    /// <summary>
    /// Tells a module (a notify) with back-pressure: a full mailbox is waited for (see
    /// <see cref="ModuleSupervisionOptions.MailboxFullWait"/>), so the caller — a connection's read loop — stops reading
    /// and TCP slows the sender. Unknown modules and a mailbox still full after the wait drop the notify, with a
    /// rate-limited warning.
    /// </summary>
    public ValueTask TellAsync(string moduleId, ModuleInvocation invocation, CancellationToken cancellationToken = default)
        => TellAsync(moduleId, invocation, null, cancellationToken);

    /// <summary>
    /// <see cref="TellAsync(string, ModuleInvocation, CancellationToken)"/> for a read loop that reads frames in batches:
    /// the drain of an idle actor is left to <paramref name="kicks"/> (see <see cref="DrainKicks"/>).
    /// </summary>
    public ValueTask TellAsync(string moduleId, ModuleInvocation invocation, DrainKicks? kicks, CancellationToken cancellationToken)
    {
        if (!_actors.TryGetValue(moduleId, out var actor))
        {
            if (_unknown.TryHit(out var count))
            {
                LogUnknownModule(_logger, moduleId, count);
            }

            return ValueTask.CompletedTask;
        }

        var posting = actor.PostAsync(invocation, kicks, cancellationToken);
        if (posting.IsCompletedSuccessfully)
        {
            OnPosted(actor, posting.Result);
            return ValueTask.CompletedTask;
        }

        return AwaitPostAsync(actor, posting);
    }

    public bool Enable(string moduleId)
    {
        if (!_actors.TryGetValue(moduleId, out var actor))
        {
            return false;
        }

        actor.SetEnabled(true);
        lock (_scheduleLock)
        {
            if (_started && !_schedules.ContainsKey(moduleId))
            {
                StartSchedule(actor);
            }
        }

        LogEnabled(_logger, moduleId);
        return true;
    }

    public bool Disable(string moduleId)
    {
        if (!_actors.TryGetValue(moduleId, out var actor))
        {
            return false;
        }

        actor.SetEnabled(false);
        lock (_scheduleLock)
        {
            if (_schedules.Remove(moduleId, out var cts))
            {
                cts.Cancel();
                cts.Dispose();
            }
        }

        LogDisabled(_logger, moduleId);
        return true;
    }

    public IReadOnlyList<ModuleStatus> List() => _order.Select(id => _actors[id].Snapshot()).ToList();

    public async ValueTask DisposeAsync()
    {
        lock (_scheduleLock)
        {
            _started = false;
            foreach (var cts in _schedules.Values)
            {
                cts.Cancel();
                cts.Dispose();
            }

            _schedules.Clear();
        }

        foreach (var actor in _actors.Values)
        {
            await actor.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async ValueTask AwaitPostAsync(ModuleActor actor, ValueTask<ModuleActor.PostOutcome> posting)
        => OnPosted(actor, await posting.ConfigureAwait(false));

    private void OnPosted(ModuleActor actor, ModuleActor.PostOutcome outcome)
    {
        if (outcome == ModuleActor.PostOutcome.Full && actor.NotifyDrops.TryHit(out var count))
        {
            LogNotifyDropped(_logger, actor.Id, _fullWait.TotalMilliseconds, count);
        }
    }

    private void StartSchedule(ModuleActor actor)
    {
        if (!actor.Options.IsScheduled || actor.Options.Type != _scheduledHere || _tick is null)
        {
            return;
        }

        var cts = new CancellationTokenSource();
        _schedules[actor.Id] = cts;
        _ = ScheduleLoopAsync(actor, _tick, cts.Token);
    }

    private async Task ScheduleLoopAsync(ModuleActor actor, Func<ModuleInvocation> tick, CancellationToken cancellationToken)
    {
        try
        {
            if (actor.Options.Delay > TimeSpan.Zero)
            {
                await Task.Delay(actor.Options.Delay, _time, cancellationToken).ConfigureAwait(false);
            }

            using var timer = new PeriodicTimer(actor.Options.Interval, _time);
            do
            {
                if (actor.Enabled && !actor.TryPost(tick()) && actor.TickDrops.TryHit(out var count))
                {
                    LogTickDropped(_logger, actor.Id, count);
                }
            }
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
