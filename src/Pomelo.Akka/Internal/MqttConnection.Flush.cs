using System.IO.Pipelines;

namespace Pomelo.Akka.Internal;

/// <summary>
/// The flush side of writing: the last writer to leave the gate flushes for everyone before it; a flush held by
/// back-pressure makes the writers queued meanwhile wait for the next flush, which carries their bytes.
/// </summary>
internal sealed partial class MqttConnection
{
    /// <summary>Leaves the write gate; the last writer out flushes what everyone before it wrote.</summary>
    private Task<bool> LeaveGateLocked(bool written)
    {
        var last = Interlocked.Decrement(ref _writers) == 0;
        if (_flushing is { } pending)
        {
            // A flush waits on back-pressure: it flushes again when it resumes, and the writers wait for that.
            _dirty |= _unflushed;
            return written ? pending : Broken;
        }

        if (!last || !_unflushed)
        {
            // Someone queued behind this writer flushes these bytes with theirs.
            return written ? Flushed : Broken;
        }

        var flush = StartFlushLocked();
        return written ? flush : Broken;
    }

    private Task<bool> StartFlushLocked()
    {
        _unflushed = false;
        ValueTask<FlushResult> flush;
        try
        {
            flush = _transport.Output.FlushAsync(CancellationToken.None);
        }
        catch (Exception ex) when (IsTransportError(ex))
        {
            MarkBroken();
            return Broken;
        }

        if (flush.IsCompletedSuccessfully)
        {
            return Check(flush.Result) ? Flushed : Broken;
        }

        var task = AwaitFlushAsync(flush);
        if (!task.IsCompleted)
        {
            _flushing = task;
        }

        return task;
    }

    private async Task<bool> AwaitFlushAsync(ValueTask<FlushResult> flush)
    {
        while (true)
        {
            bool ok;
            try
            {
                ok = Check(await flush.ConfigureAwait(false));
            }
            catch (Exception ex) when (IsTransportError(ex))
            {
                MarkBroken();
                ok = false;
            }

            if (ok)
            {
                OutputDrained?.Invoke();
            }

            lock (_writeGate)
            {
                if (!ok || !_dirty)
                {
                    _flushing = null;
                    _dirty = false;
                    return ok;
                }

                _dirty = false;
                _unflushed = false;
                try
                {
                    flush = _transport.Output.FlushAsync(CancellationToken.None);
                }
                catch (Exception ex) when (IsTransportError(ex))
                {
                    MarkBroken();
                    _flushing = null;
                    return false;
                }
            }
        }
    }

    private bool Check(FlushResult result)
    {
        if (result.IsCompleted || result.IsCanceled)
        {
            MarkBroken();
            return false;
        }

        return true;
    }
}
