using System.Text.Json;
using System.Threading.Channels;
using Pomelo.Akka.Console;
using Pomelo.Akka.Master;
using Pomelo.Akka.Monitor;

namespace Pomelo.Akka.Tests.Scenarios.Modules;

/// <summary>Records every handler call (node, handler, message) into a shared recorder; replies "ok".</summary>
public sealed class ProbeModule(ProbeRecorder recorder, string node) : IMasterHandler, IMonitorHandler, IClientHandler
{
    public const string Id = "probe";

    public ValueTask<object?> MonitorHandlerAsync(IMonitorAgent agent, JsonElement? message, CancellationToken cancellationToken)
        => Record("monitor", message);

    public ValueTask<object?> MasterHandlerAsync(IMasterAgent agent, JsonElement? message, CancellationToken cancellationToken)
        => Record("master", message);

    public ValueTask<object?> ClientHandlerAsync(IMasterAgent agent, ClientCaller caller, JsonElement? message, CancellationToken cancellationToken)
        => Record("client", message);

    private ValueTask<object?> Record(string handler, JsonElement? message)
    {
        recorder.Calls.Writer.TryWrite(new ProbeCall(node, handler, message));
        return ValueTask.FromResult<object?>("ok");
    }
}

public sealed record ProbeCall(string Node, string Handler, JsonElement? Message);

/// <summary>Where probe modules on every node write their calls.</summary>
public sealed class ProbeRecorder
{
    public Channel<ProbeCall> Calls { get; } = Channel.CreateUnbounded<ProbeCall>();

    public static Action<Pomelo.Akka.Hosting.PomeloBuilder> Register(ProbeRecorder recorder, Action<AdminModuleOptions>? configure = null)
        => b => b.AddAdminModule(ProbeModule.Id, ctx => new ProbeModule(recorder, ctx.Console.ServerId), configure);

    public async Task<ProbeCall> NextAsync(TimeSpan? timeout = null)
        => await Calls.Reader.ReadAsync().AsTask().WaitAsync(timeout ?? TimeSpan.FromSeconds(10));

    public async Task<List<ProbeCall>> TakeAsync(int count)
    {
        var calls = new List<ProbeCall>();
        for (var i = 0; i < count; i++)
        {
            calls.Add(await NextAsync());
        }

        return calls;
    }

    /// <summary>Asserts nothing more arrives within a short window (a negative check; the window is the only wait).</summary>
    public async Task AssertQuietAsync(TimeSpan window)
    {
        using var cts = new CancellationTokenSource(window);
        try
        {
            var extra = await Calls.Reader.ReadAsync(cts.Token);
            Assert.Fail($"unexpected call {extra}");
        }
        catch (OperationCanceledException)
        {
        }
    }
}
