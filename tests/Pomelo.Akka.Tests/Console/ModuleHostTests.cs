using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Pomelo.Akka.Console;
using Pomelo.Akka.Errors;
using Pomelo.Akka.Tests.Console.TestModules;
using Pomelo.Akka.Tests.TestSupport;

namespace Pomelo.Akka.Tests.Console;

public sealed class ModuleHostTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan QuietWindow = TimeSpan.FromMilliseconds(200);

    private readonly FakeTimeProvider _time = new();
    private readonly FakeMasterAgent _agent = new();

    [Fact]
    public async Task StartAsync_PullModule_TicksAtStartThenEveryInterval()
    {
        var module = new TickRecordingModule();
        await using var host = CreateHost(Scheduled("pull", module, ScheduleType.Pull));

        await StartAsync(host);
        var ticks = await CountTickAsync(module, 0);
        for (var i = 0; i < 3; i++)
        {
            _time.Advance(Second);
            ticks = await CountTickAsync(module, ticks);
        }

        Assert.Equal(4, ticks);
        _time.Advance(Second / 2);
        Assert.False(await module.Received.ReceivesWithinAsync(QuietWindow));
    }

    [Fact]
    public async Task StartAsync_Delay_DelaysFirstTick()
    {
        var module = new TickRecordingModule();
        await using var host = CreateHost(Scheduled("pull", module, ScheduleType.Pull, delay: TimeSpan.FromSeconds(2)));

        await StartAsync(host);
        _time.Advance(TimeSpan.FromSeconds(1.5));
        Assert.False(await module.Received.ReceivesWithinAsync(QuietWindow));
        _time.Advance(TimeSpan.FromSeconds(0.5));
        await CountTickAsync(module, 0);
        _time.Advance(Second);

        Assert.Equal(2, await CountTickAsync(module, 1));
    }

    [Fact]
    public async Task StartAsync_PushModuleOnPullHost_IsNotTicked()
    {
        var pull = new TickRecordingModule();
        var push = new TickRecordingModule();
        await using var host = CreateHost(Scheduled("pull", pull, ScheduleType.Pull), Scheduled("push", push, ScheduleType.Push));

        await StartAsync(host);
        await host.AskAsync("push", Invocation(JsonSerializer.SerializeToElement(1))).WaitAsync(Wait.Timeout);
        Assert.Equal(1, (await push.Received.NextAsync())?.GetInt32());
        await CountTickAsync(pull, 0);
        _time.Advance(Second);
        await CountTickAsync(pull, 1);

        Assert.False(await push.Received.ReceivesWithinAsync(QuietWindow));
    }

    [Fact]
    public async Task Disable_ScheduledModule_StopsTicks()
    {
        var module = new TickRecordingModule();
        await using var host = CreateHost(Scheduled("pull", module, ScheduleType.Pull));
        await StartAsync(host);
        await CountTickAsync(module, 0);

        Assert.True(host.Disable("pull"));
        for (var i = 0; i < 3; i++)
        {
            _time.Advance(Second);
        }

        Assert.False(await module.Received.ReceivesWithinAsync(QuietWindow));
        Assert.False(Assert.Single(host.List()).Enabled);
    }

    [Fact]
    public async Task Enable_DisabledModule_RestartsTicks()
    {
        var module = new TickRecordingModule();
        await using var host = CreateHost(Scheduled("pull", module, ScheduleType.Pull));
        await StartAsync(host);
        await CountTickAsync(module, 0);
        host.Disable("pull");
        _time.Advance(Second);

        Assert.True(host.Enable("pull"));
        var ticks = await CountTickAsync(module, 1);
        _time.Advance(Second);

        Assert.Equal(3, await CountTickAsync(module, ticks));
        Assert.True(Assert.Single(host.List()).Enabled);
    }

    [Fact]
    public async Task Enable_ModuleDisabledInOptions_StartsItsSchedule()
    {
        var module = new TickRecordingModule();
        await using var host = CreateHost(Scheduled("pull", module, ScheduleType.Pull, enabled: false));
        await StartAsync(host);
        _time.Advance(Second);
        Assert.False(await module.Received.ReceivesWithinAsync(QuietWindow));

        host.Enable("pull");

        await CountTickAsync(module, 0);
    }

    [Fact]
    public async Task AskAsync_UnknownModule_FailsUnknownModule()
    {
        await using var host = CreateHost();
        await StartAsync(host);

        var ex = await Assert.ThrowsAsync<ModuleException>(() => host.AskAsync("x", Invocation(null)));

        Assert.Equal(ModuleErrorReason.UnknownModule, ex.Reason);
        Assert.Equal("unknown moduleId:x", ex.Message);
        Assert.False(host.Enable("x"));
        Assert.False(host.Disable("x"));
    }

    [Fact]
    public async Task Constructor_DuplicateIds_LaterRegistrationWins()
    {
        await using var host = CreateHost(
            AdminModuleRegistration.ForFactory("dup", _ => Named("first")),
            AdminModuleRegistration.ForFactory("other", _ => Named("other")),
            AdminModuleRegistration.ForFactory("dup", _ => Named("second")));
        await StartAsync(host);

        var reply = await host.AskAsync("dup", Invocation(null)).WaitAsync(Wait.Timeout);

        Assert.Equal("second", reply);
        Assert.Equal(["dup", "other"], host.List().Select(s => s.Id));
    }

    [Fact]
    public async Task List_Registrations_ReturnsStatusesInRegistrationOrder()
    {
        await using var host = CreateHost(
            AdminModuleRegistration.ForFactory("c", _ => Named("c"), o => o.Enabled = false),
            Scheduled("a", new TickRecordingModule(), ScheduleType.Pull, interval: TimeSpan.FromSeconds(5)),
            AdminModuleRegistration.ForFactory("b", _ => Named("b")));

        var list = host.List();

        Assert.Equal(["c", "a", "b"], list.Select(s => s.Id));
        Assert.Equal(new ModuleStatus("c", false, ModuleState.Running, ScheduleType.None, null, 0, null), list[0]);
        Assert.Equal(new ModuleStatus("a", true, ModuleState.Running, ScheduleType.Pull, 5, 0, null), list[1]);
    }

    [Fact]
    public async Task TellAsync_KnownModule_DeliversMessage()
    {
        var module = new TickRecordingModule();
        await using var host = CreateHost(AdminModuleRegistration.ForFactory("m", _ => module));
        await StartAsync(host);

        await host.TellAsync("m", Invocation(JsonSerializer.SerializeToElement("hi"), reply: false));
        await host.TellAsync("unknown", Invocation(null, reply: false));

        Assert.Equal("hi", (await module.Received.NextAsync())?.GetString());
    }

    [Fact]
    public async Task Ask_BusyFlood_OneWarningPerIntervalWithTheCount()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var module = new StartRecordingModule(gate.Task);
        var logs = new LogCollector();
        await using var host = CreateHost(logs, AdminModuleRegistration.ForFactory("m", _ => module, o => o.MailboxCapacity = 1));
        await StartAsync(host);
        var running = host.AskAsync("m", Invocation(null));
        await module.Entered.Task.WaitAsync(Wait.Timeout);
        var queued = host.AskAsync("m", Invocation(null));

        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(ModuleErrorReason.Busy, (await Assert.ThrowsAsync<ModuleException>(() => host.AskAsync("m", Invocation(null)))).Reason);
        }

        _time.Advance(Supervision.WarningInterval);
        await Assert.ThrowsAsync<ModuleException>(() => host.AskAsync("m", Invocation(null)));

        var lines = logs.Entries.Where(e => e.EventId.Id == 3105).Select(e => e.Message).ToArray();
        Assert.Equal(2, lines.Length);
        Assert.Contains("; 1 requests answered busy", lines[0], StringComparison.Ordinal);
        Assert.Contains("; 100 requests answered busy", lines[1], StringComparison.Ordinal);
        gate.SetResult();
        await Task.WhenAll(running, queued).WaitAsync(Wait.Timeout);
    }

    [Fact]
    public async Task TellAsync_ModuleStalledBeyondTheWait_DropsWithOneRateLimitedWarning()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var module = new StartRecordingModule(gate.Task);
        var logs = new LogCollector();
        await using var host = CreateHost(logs, AdminModuleRegistration.ForFactory("m", _ => module, o => o.MailboxCapacity = 1));
        await StartAsync(host);
        var running = host.AskAsync("m", Invocation(null));
        await module.Entered.Task.WaitAsync(Wait.Timeout);
        await host.TellAsync("m", Invocation(null, reply: false)).AsTask().WaitAsync(Wait.Timeout);

        for (var i = 0; i < 3; i++)
        {
            var telling = host.TellAsync("m", Invocation(null, reply: false)).AsTask();
            Wait.Until(() => _time.ActiveTimerCount == 1, "the back-pressure wait");
            Assert.False(telling.IsCompleted, "a notify into a full mailbox waits");
            _time.Advance(Supervision.MailboxFullWait);
            await telling.WaitAsync(Wait.Timeout);
        }

        var line = Assert.Single(logs.Entries, e => e.EventId.Id == 3101);
        Assert.Contains("1 notifies dropped", line.Message, StringComparison.Ordinal);
        gate.SetResult();
        await running.WaitAsync(Wait.Timeout);
    }

    [Fact]
    public async Task TellAsync_FloodIntoSlowModule_NothingDropped()
    {
        var handled = 0;
        var logs = new LogCollector();
        await using var host = CreateHost(logs, AdminModuleRegistration.ForFactory("m", _ => new DelegateMasterModule(async (_, _) =>
        {
            await Task.Yield();
            Interlocked.Increment(ref handled);
            return null;
        }), o => o.MailboxCapacity = 2));
        await StartAsync(host);

        for (var i = 0; i < 1_000; i++)
        {
            await host.TellAsync("m", Invocation(JsonSerializer.SerializeToElement(i), reply: false)).AsTask().WaitAsync(Wait.Timeout);
        }

        await Eventually.TrueAsync(() => Volatile.Read(ref handled) == 1_000, "every notify handled");
        Assert.DoesNotContain(logs.Entries, e => e.EventId.Id == 3101);
    }

    private static async Task<int> CountTickAsync(TickRecordingModule module, int ticks)
    {
        Assert.Null(await module.Received.NextAsync());
        return ticks + 1;
    }

    private static AdminModuleRegistration Scheduled(string id, TickRecordingModule module, ScheduleType type, TimeSpan? interval = null, TimeSpan? delay = null, bool enabled = true)
        => AdminModuleRegistration.ForFactory(id, _ => module, o =>
        {
            o.Type = type;
            o.Interval = interval ?? Second;
            o.Delay = delay ?? TimeSpan.Zero;
            o.Enabled = enabled;
        });

    private static DelegateMasterModule Named(string name) => new((_, _) => ValueTask.FromResult<object?>(name));

    private static ModuleSupervisionOptions Supervision { get; } = new();

    private ModuleHost CreateHost(params AdminModuleRegistration[] registrations) => CreateHost(null, registrations);

    private ModuleHost CreateHost(LogCollector? logs, params AdminModuleRegistration[] registrations)
    {
        var services = new ServiceCollection().BuildServiceProvider();
        ILoggerFactory loggers = logs is null ? NullLoggerFactory.Instance : new LoggerFactory([logs]);
        return new ModuleHost(registrations, ScheduleType.Pull, o => new ModuleFactoryContext(services, o, new FakeConsoleService()), Supervision, _time, loggers);
    }

    private Task StartAsync(ModuleHost host) => host.StartAsync(() => Invocation(null, reply: false)).WaitAsync(Wait.Timeout);

    private MasterHandlerInvocation Invocation(JsonElement? message, bool reply = true)
        => new(_agent, message, reply ? new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously) : null);
}
