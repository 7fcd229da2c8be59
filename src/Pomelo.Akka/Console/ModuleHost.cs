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

    /// <summary>Asks a module; unknown modules fail with pomelo's message.</summary>
    public Task<object?> AskAsync(string moduleId, ModuleInvocation invocation)
    {
        if (!_actors.TryGetValue(moduleId, out var actor))
        {
            LogUnknownModule(_logger, moduleId);
            return Task.FromException<object?>(ModuleException.Unknown(moduleId));
        }

        return actor.AskAsync(invocation);
    }

    /// <summary>Tells a module (a notify); drops and logs when unknown or busy.</summary>
    public void Tell(string moduleId, ModuleInvocation invocation)
    {
        if (!_actors.TryGetValue(moduleId, out var actor))
        {
            LogUnknownModule(_logger, moduleId);
        }
        else if (!actor.TryPost(invocation))
        {
            LogNotifyDropped(_logger, moduleId);
        }
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
                if (actor.Enabled && !actor.TryPost(tick()))
                {
                    LogTickDropped(_logger, actor.Id);
                }
            }
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
