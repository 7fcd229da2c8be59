using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pomelo.Akka.Config;
using Pomelo.Akka.Hosting;
using Pomelo.Akka.Master;

namespace Pomelo.Akka.Tests.Master;

public sealed class MemoryTrimOptionsTests
{
    [Fact]
    public void MemoryTrim_BindsFromHocon_UnderTheMastersSection()
    {
        var options = Bind("pomelo.master.memoryTrim { joins = 0, quiet = 500ms, maxAllocationPerSecond = 1MiB }");

        Assert.Equal(0, options.MemoryTrim.Joins);
        Assert.Equal(TimeSpan.FromMilliseconds(500), options.MemoryTrim.Quiet);
        Assert.Equal(1024 * 1024, options.MemoryTrim.MaxAllocationPerSecond);
    }

    [Fact]
    public void MemoryTrim_Defaults_TrimAfterFiftyJoinsAndTwoQuietSeconds()
    {
        var options = Bind("pomelo.master.port = 0");

        Assert.Equal(50, options.MemoryTrim.Joins);
        Assert.Equal(TimeSpan.FromSeconds(2), options.MemoryTrim.Quiet);
        Assert.Equal(4 * 1024 * 1024, options.MemoryTrim.MaxAllocationPerSecond);
    }

    private static MasterOptions Bind(string hocon)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddHoconString(hocon).Build());
        services.AddPomeloMaster();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<MasterOptions>>().Value;
    }
}
