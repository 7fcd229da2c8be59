using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Pomelo.Akka.Errors;

namespace Pomelo.Akka.Console;

/// <summary>
/// One module on one node as an actor: a bounded single-reader mailbox, handled one message at a time, supervised —
/// a throwing handler answers its caller with an error; repeated failures recreate the module from its factory
/// after a back-off; too many restarts mark it failed while the rest of the node keeps working.
/// </summary>
internal sealed partial class ModuleActor : IAsyncDisposable
{
    private readonly AdminModuleRegistration _registration;
    private readonly ModuleFactoryContext _context;
    private readonly SupervisionPolicy _policy;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<ModuleInvocation> _mailbox;
    private readonly CancellationTokenSource _stopping = new();
    private IAdminModule? _instance;
    private Task _loop = Task.CompletedTask;
    private volatile bool _enabled;
    private volatile ModuleState _state = ModuleState.Running;
    private volatile string? _lastError;
    private int _disposed;

    public ModuleActor(AdminModuleRegistration registration, ModuleFactoryContext context, ModuleSupervisionOptions supervision, TimeProvider time, ILogger logger)
    {
        _registration = registration;
        _context = context;
        _policy = new SupervisionPolicy(supervision);
        _time = time;
        _logger = logger;
        _enabled = registration.Options.Enabled;
        _mailbox = Channel.CreateBounded<ModuleInvocation>(new BoundedChannelOptions(Math.Max(1, registration.Options.MailboxCapacity))
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public string Id => _registration.Id;

    public AdminModuleOptions Options => _registration.Options;

    public bool Enabled => _enabled;

    public ModuleState State => _state;

    /// <summary>Gets the current instance (null while restarting or failed).</summary>
    public IAdminModule? Instance => _instance;

    /// <summary>Creates the first instance and starts the mailbox loop.</summary>
    public void Activate()
    {
        if (!TryCreateInstance())
        {
            _state = ModuleState.Failed;
        }

        _loop = Task.Run(RunAsync);
    }

    /// <summary>Queues a message; false when the mailbox is full or closed.</summary>
    public bool TryPost(ModuleInvocation invocation) => _mailbox.Writer.TryWrite(invocation);

    /// <summary>Queues a message and returns its reply; a full mailbox fails at once with "busy".</summary>
    public Task<object?> AskAsync(ModuleInvocation invocation)
    {
        if (TryPost(invocation))
        {
            return invocation.Reply!.Task;
        }

        return Task.FromException<object?>(_state == ModuleState.Stopped ? ModuleException.Stopped(Id) : ModuleException.Busy(Id));
    }

    /// <summary>Enables or disables the module; enabling a failed module revives it from its factory.</summary>
    public void SetEnabled(bool enabled)
    {
        _enabled = enabled;
        if (enabled && _state == ModuleState.Failed)
        {
            TryPost(new ControlInvocation(ControlKind.Revive));
        }
    }

    /// <summary>Runs the module's Start through its mailbox, so it never overlaps a handler.</summary>
    public Task StartModuleAsync()
    {
        var reply = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
        return TryPost(new ControlInvocation(ControlKind.Start, reply)) ? reply.Task : Task.CompletedTask;
    }

    public ModuleStatus Snapshot() => new(
        Id,
        _enabled,
        _state,
        Options.IsScheduled ? Options.Type : ScheduleType.None,
        Options.IsScheduled ? Options.Interval.TotalSeconds : null,
        _policy.TotalRestarts,
        _lastError);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _mailbox.Writer.TryComplete();
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _state = ModuleState.Stopped;
        while (_mailbox.Reader.TryRead(out var left))
        {
            left.Reply?.TrySetException(ModuleException.Stopped(Id));
        }

        await DisposeInstanceAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task RunAsync()
    {
        var reader = _mailbox.Reader;
        try
        {
            while (await reader.WaitToReadAsync(_stopping.Token).ConfigureAwait(false))
            {
                while (!_stopping.IsCancellationRequested && reader.TryRead(out var invocation))
                {
                    await ProcessAsync(invocation).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
    }

    private async ValueTask ProcessAsync(ModuleInvocation invocation)
    {
        if (invocation is ControlInvocation control)
        {
            await ControlAsync(control).ConfigureAwait(false);
            return;
        }

        if (!_enabled)
        {
            invocation.Reply?.TrySetException(ModuleException.Disabled(Id));
            return;
        }

        if (_state == ModuleState.Failed || _instance is null)
        {
            invocation.Reply?.TrySetException(ModuleException.Failed(Id, _lastError));
            return;
        }

        try
        {
            var result = await invocation.InvokeAsync(_instance, _stopping.Token).ConfigureAwait(false);
            _policy.OnSuccess();
            invocation.Reply?.TrySetResult(result);
        }
        catch (MissingHandlerException missing)
        {
            LogNoHandler(_logger, Id, missing.Handler);
            invocation.Reply?.TrySetException(ModuleException.NoHandler(Id, missing.Handler));
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            invocation.Reply?.TrySetException(ModuleException.Stopped(Id));
        }
        catch (AdminRequestException refusal)
        {
            // A deliberate error reply (denied, invalid request, unknown server, a failed downstream request): the
            // module is healthy, so it is answered and not counted as a failure.
            _policy.OnSuccess();
            invocation.Reply?.TrySetException(refusal);
        }
        catch (Exception ex)
        {
            _lastError = ex.Message;
            LogHandlerFailed(_logger, ex, Id, invocation.HandlerName, invocation.IsTick);
            invocation.Reply?.TrySetException(new ModuleException(Id, ModuleErrorReason.HandlerFailed, ex.Message, ex));
            await SuperviseAsync().ConfigureAwait(false);
        }
    }

    private async ValueTask SuperviseAsync()
    {
        var restartFailed = false;
        while (true)
        {
            var decision = restartFailed ? _policy.OnRestartFailed(_time.GetUtcNow()) : _policy.OnFailure(_time.GetUtcNow());
            switch (decision.Kind)
            {
                case SupervisionAction.Resume:
                    return;
                case SupervisionAction.Fail:
                    _state = ModuleState.Failed;
                    LogModuleFailed(_logger, Id, _policy.TotalRestarts, _lastError);
                    await DisposeInstanceAsync().ConfigureAwait(false);
                    return;
            }

            await DisposeInstanceAsync().ConfigureAwait(false);
            var backoff = Task.Delay(decision.Backoff, _time, _stopping.Token);
            _state = ModuleState.Restarting;
            LogRestarting(_logger, Id, decision.Backoff.TotalMilliseconds, _policy.TotalRestarts);
            await backoff.ConfigureAwait(false);
            if (TryCreateInstance() && await TryStartInstanceAsync().ConfigureAwait(false))
            {
                _state = ModuleState.Running;
                return;
            }

            restartFailed = true;
        }
    }

    private async ValueTask ControlAsync(ControlInvocation control)
    {
        switch (control.Kind)
        {
            case ControlKind.Start when _instance is not null && _state == ModuleState.Running:
                await TryStartInstanceAsync().ConfigureAwait(false);
                break;
            case ControlKind.Revive when _state == ModuleState.Failed:
                _policy.Reset();
                if (TryCreateInstance() && await TryStartInstanceAsync().ConfigureAwait(false))
                {
                    _state = ModuleState.Running;
                    LogRevived(_logger, Id);
                }

                break;
        }

        control.Reply?.TrySetResult(null);
    }

    private bool TryCreateInstance()
    {
        try
        {
            _instance = _registration.Factory(_context);
            return true;
        }
        catch (Exception ex)
        {
            _lastError = "factory failed: " + ex.Message;
            LogFactoryFailed(_logger, ex, Id);
            return false;
        }
    }

    private async ValueTask<bool> TryStartInstanceAsync()
    {
        if (_instance is not IStartableModule startable)
        {
            return true;
        }

        try
        {
            await startable.StartAsync(_stopping.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception ex)
        {
            _lastError = "start failed: " + ex.Message;
            LogStartFailed(_logger, ex, Id);
            return false;
        }
    }

    private async ValueTask DisposeInstanceAsync()
    {
        var instance = _instance;
        _instance = null;
        try
        {
            switch (instance)
            {
                case IAsyncDisposable ad:
                    await ad.DisposeAsync().ConfigureAwait(false);
                    break;
                case IDisposable d:
                    d.Dispose();
                    break;
            }
        }
        catch (Exception ex)
        {
            LogDisposeFailed(_logger, ex, Id);
        }
    }

    private enum ControlKind
    {
        Start,
        Revive,
    }

    private sealed record ControlInvocation(ControlKind Kind, TaskCompletionSource<object?>? Reply = null) : ModuleInvocation(null, Reply)
    {
        public override bool IsTick => false;

        public override string HandlerName => Kind.ToString();

        public override ValueTask<object?> InvokeAsync(IAdminModule module, CancellationToken cancellationToken) => ValueTask.FromResult<object?>(null);
    }
}
