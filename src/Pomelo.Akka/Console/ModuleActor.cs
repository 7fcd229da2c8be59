using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Pomelo.Akka.Errors;

namespace Pomelo.Akka.Console;

/// <summary>
/// One module on one node as an actor: a bounded single-reader mailbox, handled one message at a time, supervised —
/// a throwing handler answers its caller with an error; repeated failures recreate the module from its factory
/// after a back-off; too many restarts mark it failed while the rest of the node keeps working.
/// </summary>
/// <remarks>
/// The mailbox is drained by whoever wins the drain flag, Akka-dispatcher style: a connection's read loop that posts
/// to an idle actor handles the message at once on its own thread (up to <see cref="InlineBudget"/> messages), so a
/// handler that completes synchronously costs no thread hop and no allocation beyond the invocation; what is left, and
/// everything after a handler that goes asynchronous, is drained in batches on the thread pool. A message whose body is
/// still to parse (a monitor's notify) always goes through the mailbox to the thread pool, so the read loop reads on
/// while the actor parses. Only the flag holder reads the channel, so messages stay one at a time and in order.
/// </remarks>
internal sealed partial class ModuleActor : IAsyncDisposable, IThreadPoolWorkItem
{
    /// <summary>Messages a posting thread handles before it hands the rest of the mailbox to the thread pool.</summary>
    private const int InlineBudget = 64;

    /// <summary>Messages a thread-pool drain handles before it queues itself again (fairness between actors).</summary>
    private const int PoolBudget = 1024;

    private readonly AdminModuleRegistration _registration;
    private readonly ModuleFactoryContext _context;
    private readonly SupervisionPolicy _policy;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<ModuleInvocation> _mailbox;
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TimeSpan _fullWait;
    private readonly int _lowWater;
    private IAdminModule? _instance;
    private TaskCompletionSource? _roomWaiter;
    private volatile bool _enabled;
    private volatile ModuleState _state = ModuleState.Running;
    private volatile string? _lastError;
    private int _draining = 1;
    private int _disposed;
    private volatile bool _activated;

    public ModuleActor(AdminModuleRegistration registration, ModuleFactoryContext context, ModuleSupervisionOptions supervision, TimeProvider time, ILogger logger)
    {
        _registration = registration;
        _context = context;
        _policy = new SupervisionPolicy(supervision);
        _time = time;
        _logger = logger;
        _fullWait = supervision.MailboxFullWait;
        _enabled = registration.Options.Enabled;
        var capacity = Math.Max(1, registration.Options.MailboxCapacity);
        _lowWater = capacity / 2;
        _mailbox = Channel.CreateBounded<ModuleInvocation>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        NotifyDrops = new LogThrottle(time, supervision.WarningInterval);
        BusyRefusals = new LogThrottle(time, supervision.WarningInterval);
        TickDrops = new LogThrottle(time, supervision.WarningInterval);
    }

    /// <summary>The outcome of queuing a message.</summary>
    public enum PostOutcome
    {
        /// <summary>Queued (and perhaps already handled).</summary>
        Queued,

        /// <summary>The mailbox was full (after the back-pressure wait, for a notify).</summary>
        Full,

        /// <summary>The actor is stopping.</summary>
        Stopped,
    }

    public string Id => _registration.Id;

    public AdminModuleOptions Options => _registration.Options;

    public bool Enabled => _enabled;

    public ModuleState State => _state;

    /// <summary>Gets the current instance (null while restarting or failed).</summary>
    public IAdminModule? Instance => _instance;

    /// <summary>Gets whether no thread is draining the mailbox (the next post to an empty mailbox is handled inline).</summary>
    public bool IsIdle => Volatile.Read(ref _draining) == 0;

    /// <summary>Gets whether a poster waits for room in the full mailbox (released at low water: half the capacity).</summary>
    internal bool WaitsForRoom => Volatile.Read(ref _roomWaiter) is not null;

    /// <summary>Gets the rate limit of the "notify dropped" warning.</summary>
    public LogThrottle NotifyDrops { get; }

    /// <summary>Gets the rate limit of the "request refused, busy" warning.</summary>
    public LogThrottle BusyRefusals { get; }

    /// <summary>Gets the rate limit of the "tick skipped" warning.</summary>
    public LogThrottle TickDrops { get; }

    /// <summary>Creates the first instance and starts handling the mailbox (messages queued before are kept).</summary>
    public void Activate()
    {
        if (!TryCreateInstance())
        {
            _state = ModuleState.Failed;
        }

        _activated = true;
        ReleaseAndReschedule(inline: false);
    }

    /// <summary>Queues a message, handled on the thread pool; false when the mailbox is full or closed.</summary>
    public bool TryPost(ModuleInvocation invocation)
    {
        if (!_mailbox.Writer.TryWrite(invocation))
        {
            return false;
        }

        Schedule(inline: false);
        return true;
    }

    /// <summary>
    /// Queues a notify with back-pressure: when the mailbox is full, waits (up to
    /// <see cref="ModuleSupervisionOptions.MailboxFullWait"/>) for room instead of dropping it. An idle actor handles
    /// the message on the caller's thread.
    /// </summary>
    /// <param name="invocation">The message.</param>
    /// <param name="kicks">
    /// Where a poster that reads frames in batches collects the drains to start when its batch ends; only a message
    /// whose parsing is deferred uses it. Null: the drain starts now.
    /// </param>
    /// <param name="cancellationToken">Ends the wait for room.</param>
    public ValueTask<PostOutcome> PostAsync(ModuleInvocation invocation, DrainKicks? kicks = null, CancellationToken cancellationToken = default)
    {
        return TryPostNow(invocation, kicks) ? ValueTask.FromResult(PostOutcome.Queued) : PostSlowAsync(invocation, cancellationToken);
    }

    /// <summary>
    /// Queues a request without waiting: an idle actor handles it on the caller's thread; a full mailbox is
    /// <see cref="PostOutcome.Full"/> ("busy"). The invocation is not answered here when it could not be queued.
    /// </summary>
    public PostOutcome TryAsk(ModuleInvocation invocation)
    {
        if (TryPostNow(invocation))
        {
            return PostOutcome.Queued;
        }

        return Volatile.Read(ref _disposed) != 0 ? PostOutcome.Stopped : PostOutcome.Full;
    }

    /// <summary>Queues a message and returns its reply task; a full mailbox fails at once with "busy".</summary>
    public Task<object?> AskAsync(ModuleInvocation invocation)
    {
        var outcome = TryAsk(invocation);
        if (outcome == PostOutcome.Queued)
        {
            return invocation.Reply!.Task;
        }

        return Task.FromException<object?>(outcome == PostOutcome.Stopped ? ModuleException.Stopped(Id) : ModuleException.Busy(Id));
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
        SignalRoom();
        await _stopping.CancelAsync().ConfigureAwait(false);

        // Take the drain flag for good (an actor never activated holds it from the start): a drain in progress sees
        // _stopping after its current message and releases it.
        while (_activated && Interlocked.CompareExchange(ref _draining, 1, 0) != 0)
        {
            await _released.Task.ConfigureAwait(false);
            if (Interlocked.CompareExchange(ref _draining, 1, 0) == 0)
            {
                break;
            }

            await Task.Yield();
        }

        _state = ModuleState.Stopped;
        while (_mailbox.Reader.TryRead(out var left))
        {
            left.Fail(ModuleException.Stopped(Id));
        }

        await DisposeInstanceAsync().ConfigureAwait(false);
        _stopping.Dispose();
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
            invocation.Fail(ModuleException.Disabled(Id));
            return;
        }

        if (_state == ModuleState.Failed || _instance is null)
        {
            invocation.Fail(ModuleException.Failed(Id, _lastError));
            return;
        }

        try
        {
            var result = await invocation.InvokeAsync(_instance, _stopping.Token).ConfigureAwait(false);
            _policy.OnSuccess();
            invocation.Complete(result);
        }
        catch (MissingHandlerException missing)
        {
            LogNoHandler(_logger, Id, missing.Handler);
            invocation.Fail(ModuleException.NoHandler(Id, missing.Handler));
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            invocation.Fail(ModuleException.Stopped(Id));
        }
        catch (AdminRequestException refusal)
        {
            // A deliberate error reply (denied, invalid request, unknown server, a failed downstream request): the
            // module is healthy, so it is answered and not counted as a failure.
            _policy.OnSuccess();
            invocation.Fail(refusal);
        }
        catch (Exception ex)
        {
            _lastError = ex.Message;
            LogHandlerFailed(_logger, ex, Id, invocation.HandlerName, invocation.IsTick);
            invocation.Fail(new ModuleException(Id, ModuleErrorReason.HandlerFailed, ex.Message, ex));
            await SuperviseAsync().ConfigureAwait(false);
        }
    }
}
