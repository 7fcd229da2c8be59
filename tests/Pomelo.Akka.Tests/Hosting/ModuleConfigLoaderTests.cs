using Microsoft.Extensions.Configuration;
using Pomelo.Akka.Console;
using Pomelo.Akka.Hosting;
using Pomelo.Akka.Tests.Console.TestModules;

namespace Pomelo.Akka.Tests.Hosting;

public sealed class ModuleConfigLoaderTests
{
    private const string Section = "pomelo:modules";

    [Fact]
    public void Load_FullEntry_AppliesEveryField()
    {
        var registration = Assert.Single(Load(new()
        {
            ["pomelo:modules:0:type"] = typeof(DeclaredModule).AssemblyQualifiedName,
            ["pomelo:modules:0:interval"] = "5",
            ["pomelo:modules:0:delay"] = "00:00:02",
            ["pomelo:modules:0:schedule"] = "pull",
            ["pomelo:modules:0:enabled"] = "false",
            ["pomelo:modules:0:mailbox"] = "8",
            ["pomelo:modules:0:settings:x"] = "1",
        }));

        Assert.Equal("declared", registration.Id);
        var options = registration.Options;
        Assert.Equal(TimeSpan.FromSeconds(5), options.Interval);
        Assert.Equal(TimeSpan.FromSeconds(2), options.Delay);
        Assert.Equal(ScheduleType.Pull, options.Type);
        Assert.False(options.Enabled);
        Assert.Equal(8, options.MailboxCapacity);
        Assert.Equal("1", options.Settings?["x"]);
    }

    [Fact]
    public void Load_MinimalEntry_KeepsDeclaredDefaults()
    {
        var registration = Assert.Single(Load(new() { ["pomelo:modules:0:type"] = typeof(DeclaredModule).AssemblyQualifiedName }));

        Assert.Equal(ScheduleType.Push, registration.Options.Type);
        Assert.Equal(TimeSpan.FromSeconds(7), registration.Options.Interval);
        Assert.True(registration.Options.Enabled);
        Assert.Null(registration.Options.Settings);
    }

    [Fact]
    public void Load_SeveralEntries_ReturnsThemInOrderWithIdsAndSchedules()
    {
        var registrations = Load(new()
        {
            ["pomelo:modules:0:type"] = typeof(UndeclaredModule).AssemblyQualifiedName,
            ["pomelo:modules:0:id"] = "plain",
            ["pomelo:modules:0:interval"] = "00:00:02",
            ["pomelo:modules:0:schedule"] = "push",
            ["pomelo:modules:1:type"] = typeof(DeclaredModule).FullName,
            ["pomelo:modules:1:id"] = "second",
            ["pomelo:modules:1:scheduleType"] = "None",
        });

        Assert.Equal(["plain", "second"], registrations.Select(r => r.Id));
        Assert.Equal(TimeSpan.FromSeconds(2), registrations[0].Options.Interval);
        Assert.Equal(ScheduleType.Push, registrations[0].Options.Type);
        Assert.Equal(ScheduleType.None, registrations[1].Options.Type);
        Assert.IsType<DeclaredModule>(registrations[1].Factory(new ModuleFactoryContext(new EmptyServices(), registrations[1].Options, new TestSupport.FakeConsoleService())));
    }

    [Fact]
    public void Load_UnknownType_ThrowsNamingPath()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Load(new() { ["pomelo:modules:0:type"] = "No.Such.Module, NoSuchAssembly" }));

        Assert.Contains("pomelo:modules:0", ex.Message, StringComparison.Ordinal);
        Assert.Contains("No.Such.Module", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingType_ThrowsNamingPath()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Load(new() { ["pomelo:modules:0:id"] = "x" }));

        Assert.Contains("pomelo:modules:0", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'type'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BadInterval_ThrowsNamingPath()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Load(new()
        {
            ["pomelo:modules:0:type"] = typeof(DeclaredModule).AssemblyQualifiedName,
            ["pomelo:modules:0:interval"] = "soon",
        }));

        Assert.Contains("pomelo:modules:0:interval", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("5", 5000)]
    [InlineData("0.5", 500)]
    [InlineData("00:00:02", 2000)]
    [InlineData("00:01:00", 60000)]
    public void ParseDuration_Valid_ReturnsSpan(string value, int expectedMs)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), ModuleConfigLoader.ParseDuration(value, "p"));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("5 seconds")]
    public void ParseDuration_BadValue_ThrowsInvalidOperationNamingPath(string value)
    {
        var ex = Assert.Throws<InvalidOperationException>(() => ModuleConfigLoader.ParseDuration(value, "pomelo:modules:3:delay"));

        Assert.Contains("pomelo:modules:3:delay", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1e300")]
    public void ParseDuration_NonFiniteOrHuge_ThrowsInvalidOperation(string value)
    {
        Assert.Throws<InvalidOperationException>(() => ModuleConfigLoader.ParseDuration(value, "p"));
    }

    private static List<AdminModuleRegistration> Load(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        return ModuleConfigLoader.Load(configuration.GetSection(Section)).ToList();
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
