using Microsoft.Extensions.DependencyInjection;
using Pomelo.Akka.Console;
using Pomelo.Akka.Tests.Console.TestModules;
using Pomelo.Akka.Tests.TestSupport;

namespace Pomelo.Akka.Tests.Console;

public sealed class AdminModuleRegistrationTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly FakeConsoleService _console = new();

    [Fact]
    public void ForType_DeclaredModule_UsesDeclaredIdAndSchedule()
    {
        var registration = AdminModuleRegistration.ForType(typeof(DeclaredModule));

        Assert.Equal("declared", registration.Id);
        Assert.Equal(ScheduleType.Push, registration.Options.Type);
        Assert.Equal(TimeSpan.FromSeconds(7), registration.Options.Interval);
        Assert.Equal(TimeSpan.FromSeconds(2), registration.Options.Delay);
    }

    [Fact]
    public void ForType_ExplicitId_OverridesDeclaredId()
    {
        var registration = AdminModuleRegistration.ForType(typeof(DeclaredModule), "renamed");

        Assert.Equal("renamed", registration.Id);
        Assert.Equal(ScheduleType.Push, registration.Options.Type);
    }

    [Fact]
    public void ForType_Configure_RunsAfterDefaultsAndOverridesThem()
    {
        ScheduleType seen = default;

        var registration = AdminModuleRegistration.ForType(typeof(DeclaredModule), configure: o =>
        {
            seen = o.Type;
            o.Interval = TimeSpan.FromSeconds(1);
            o.Type = ScheduleType.Pull;
        });

        Assert.Equal(ScheduleType.Push, seen);
        Assert.Equal(ScheduleType.Pull, registration.Options.Type);
        Assert.Equal(TimeSpan.FromSeconds(1), registration.Options.Interval);
        Assert.Equal(TimeSpan.FromSeconds(2), registration.Options.Delay);
    }

    [Fact]
    public void ForType_UndeclaredWithoutId_ThrowsArgumentException()
    {
        var ex = Assert.Throws<ArgumentException>(() => AdminModuleRegistration.ForType(typeof(UndeclaredModule)));

        Assert.Equal("id", ex.ParamName);
    }

    [Fact]
    public void ForType_UndeclaredWithId_IsNotScheduled()
    {
        var registration = AdminModuleRegistration.ForType(typeof(UndeclaredModule), "plain");

        Assert.Equal("plain", registration.Id);
        Assert.False(registration.Options.IsScheduled);
    }

    [Theory]
    [InlineData(typeof(string))]
    [InlineData(typeof(IAdminModule))]
    [InlineData(typeof(AbstractModule))]
    public void ForType_NotAConcreteModule_ThrowsArgumentException(Type type)
    {
        var ex = Assert.Throws<ArgumentException>(() => AdminModuleRegistration.ForType(type, "x"));

        Assert.Equal("moduleType", ex.ParamName);
    }

    [Fact]
    public void ForType_Factory_FillsServicesAndPassesOptions()
    {
        var registration = AdminModuleRegistration.ForType(typeof(OptionsModule));
        var context = Context(registration.Options);

        var module = Assert.IsType<OptionsModule>(registration.Factory(context));

        Assert.Same(_time, module.Time);
        Assert.Same(context.Options, module.Options);
    }

    [Fact]
    public void ForType_Factory_PassesConsoleServiceWhenAsked()
    {
        var registration = AdminModuleRegistration.ForType(typeof(ConsoleAwareModule), "c");

        var module = Assert.IsType<ConsoleAwareModule>(registration.Factory(Context(registration.Options)));

        Assert.Same(_console, module.ConsoleService);
    }

    [Fact]
    public void ForType_Factory_ParameterlessConstructorGetsNoExtras()
    {
        var registration = AdminModuleRegistration.ForType(typeof(UndeclaredModule), "u");

        Assert.IsType<UndeclaredModule>(registration.Factory(Context(registration.Options)));
    }

    [Fact]
    public void ForType_Factory_BuildsAFreshInstanceEachCall()
    {
        var registration = AdminModuleRegistration.ForType(typeof(UndeclaredModule), "u");
        var context = Context(registration.Options);

        Assert.NotSame(registration.Factory(context), registration.Factory(context));
    }

    [Fact]
    public void ForInstance_Factory_ReturnsSameInstanceEveryCall()
    {
        var instance = new DeclaredModule();
        var registration = AdminModuleRegistration.ForInstance(instance);
        var context = Context(registration.Options);

        Assert.Equal("declared", registration.Id);
        Assert.Same(instance, registration.Factory(context));
        Assert.Same(instance, registration.Factory(context));
    }

    [Fact]
    public void ForInstance_UndeclaredWithoutId_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => AdminModuleRegistration.ForInstance(new UndeclaredModule()));
    }

    private ModuleFactoryContext Context(AdminModuleOptions options)
    {
        var services = new ServiceCollection().AddSingleton<TimeProvider>(_time).BuildServiceProvider();
        return new ModuleFactoryContext(services, options.Clone(), _console);
    }

    public abstract class AbstractModule : IAdminModule
    {
    }
}
