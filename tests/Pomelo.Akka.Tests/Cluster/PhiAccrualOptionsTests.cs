using Pomelo.Akka.Cluster;

namespace Pomelo.Akka.Tests.Cluster;

public sealed class PhiAccrualOptionsTests
{
    [Fact]
    public void Defaults_AreAkkaClusterDefaults()
    {
        var options = new PhiAccrualOptions();

        Assert.Equal(8.0, options.Threshold);
        Assert.Equal(1000, options.MaxSampleSize);
        Assert.Equal(TimeSpan.FromMilliseconds(100), options.MinStdDeviation);
        Assert.Equal(TimeSpan.FromSeconds(3), options.AcceptableHeartbeatPause);
        Assert.Equal(TimeSpan.FromSeconds(1), options.HeartbeatInterval);
        options.Validate();
    }

    [Fact]
    public void Validate_ZeroAcceptablePause_IsAllowedAsInAkka()
    {
        new PhiAccrualOptions { AcceptableHeartbeatPause = TimeSpan.Zero }.Validate();
    }

    public static TheoryData<string, Action<PhiAccrualOptions>> BadValues() => new()
    {
        { nameof(PhiAccrualOptions.Threshold), o => o.Threshold = 0 },
        { nameof(PhiAccrualOptions.Threshold), o => o.Threshold = -1 },
        { nameof(PhiAccrualOptions.Threshold), o => o.Threshold = double.NaN },
        { nameof(PhiAccrualOptions.Threshold), o => o.Threshold = double.PositiveInfinity },
        { nameof(PhiAccrualOptions.MaxSampleSize), o => o.MaxSampleSize = 0 },
        { nameof(PhiAccrualOptions.MaxSampleSize), o => o.MaxSampleSize = -5 },
        { nameof(PhiAccrualOptions.MinStdDeviation), o => o.MinStdDeviation = TimeSpan.Zero },
        { nameof(PhiAccrualOptions.MinStdDeviation), o => o.MinStdDeviation = TimeSpan.FromMilliseconds(-1) },
        { nameof(PhiAccrualOptions.AcceptableHeartbeatPause), o => o.AcceptableHeartbeatPause = TimeSpan.FromMilliseconds(-1) },
        { nameof(PhiAccrualOptions.HeartbeatInterval), o => o.HeartbeatInterval = TimeSpan.Zero },
        { nameof(PhiAccrualOptions.HeartbeatInterval), o => o.HeartbeatInterval = TimeSpan.FromSeconds(-1) },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void Validate_BadValue_ThrowsNamingTheSetting(string setting, Action<PhiAccrualOptions> corrupt)
    {
        var options = new PhiAccrualOptions();
        corrupt(options);

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Equal(setting, error.ParamName);
    }
}
