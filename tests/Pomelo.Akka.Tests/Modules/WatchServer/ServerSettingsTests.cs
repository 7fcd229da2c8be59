using System.Text.Json;
using Pomelo.Akka.Modules.WatchServer;

namespace Pomelo.Akka.Tests.Modules.WatchServer;

public sealed class ServerSettingsTests
{
    [Fact]
    public void Set_NewKey_CreatesIt()
    {
        var settings = new ServerSettings();

        settings.Set("maxUsers", JsonElement.Parse("42"));

        Assert.True(settings.TryGet("maxUsers", out var value));
        Assert.Equal(42, value.GetInt32());
    }

    [Fact]
    public void TryGet_MissingKey_IsFalse()
    {
        Assert.False(new ServerSettings().TryGet("nothing", out _));
    }

    [Fact]
    public void Set_ExistingKey_OverwritesIt_AndRaisesChanged()
    {
        var settings = new ServerSettings();
        var changes = new List<(string Key, string Json)>();
        settings.Changed += (k, v) => changes.Add((k, v.GetRawText()));

        settings.Set("motd", JsonElement.Parse("\"a\""));
        settings.Set("motd", JsonElement.Parse("\"b\""));

        Assert.True(settings.TryGet("motd", out var value));
        Assert.Equal("b", value.GetString());
        Assert.Equal([("motd", "\"a\""), ("motd", "\"b\"")], changes);
    }

    [Fact]
    public void Set_ValueFromDisposedDocument_IsStillReadable()
    {
        var settings = new ServerSettings();
        using (var document = JsonDocument.Parse("""{"max":5}"""))
        {
            settings.Set("limits", document.RootElement);
        }

        Assert.True(settings.TryGet("limits", out var value));
        Assert.Equal(5, value.GetProperty("max").GetInt32());
    }

    [Fact]
    public void Snapshot_ManyKeys_IsSortedAndDetached()
    {
        var settings = new ServerSettings();
        settings.Set("b", JsonElement.Parse("2"));
        settings.Set("a", JsonElement.Parse("1"));

        var snapshot = settings.Snapshot();
        settings.Set("c", JsonElement.Parse("3"));

        Assert.Equal(["a", "b"], snapshot.Keys);
    }

    [Fact]
    public void Set_EmptyKey_Throws()
    {
        Assert.Throws<ArgumentException>(() => new ServerSettings().Set(string.Empty, JsonElement.Parse("1")));
    }

    [Fact]
    public async Task Set_FromManyThreads_KeepsEveryKey()
    {
        var settings = new ServerSettings();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < 500; i++)
            {
                settings.Set($"k{t}-{i}", JsonElement.Parse(i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        })));

        Assert.Equal(4000, settings.Snapshot().Count);
    }
}
