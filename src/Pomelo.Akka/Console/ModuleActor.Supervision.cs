using Microsoft.Extensions.Logging;
using Pomelo.Akka.Errors;

namespace Pomelo.Akka.Console;

/// <summary>The actor's supervision and lifecycle: restarts with back-off, control messages, creating, starting and disposing the module instance.</summary>
internal sealed partial class ModuleActor
{
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

        control.Complete(null);
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
