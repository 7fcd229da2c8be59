using Pomelo.Akka.Master;

namespace Pomelo.Akka.Tests.Master;

public sealed class ModuleCacheTests
{
    private readonly ModuleCache _cache = new();

    [Fact]
    public void Get_AfterSet_ReturnsValue()
    {
        _cache.Set("count", 3);

        Assert.Equal(3, _cache.Get<int>("count"));
    }

    [Fact]
    public void Set_ExistingKey_Overwrites()
    {
        _cache.Set("k", "a");
        _cache.Set("k", "b");

        Assert.Equal("b", _cache.Get<string>("k"));
    }

    [Fact]
    public void Get_Missing_ReturnsDefault()
    {
        Assert.Null(_cache.Get<string>("missing"));
        Assert.Equal(0, _cache.Get<int>("missing"));
    }

    [Fact]
    public void Get_WrongType_ReturnsDefault()
    {
        _cache.Set("k", "text");

        Assert.Equal(0, _cache.Get<int>("k"));
        Assert.Null(_cache.Get<Uri>("k"));
    }

    [Fact]
    public void Get_BaseType_ReturnsValue()
    {
        var list = new List<int> { 1 };
        _cache.Set("k", list);

        Assert.Same(list, _cache.Get<IReadOnlyList<int>>("k"));
    }

    [Fact]
    public void Remove_Present_RemovesAndReturnsTrue()
    {
        _cache.Set("k", 1);

        Assert.True(_cache.Remove("k"));
        Assert.False(_cache.Remove("k"));
        Assert.Equal(0, _cache.Get<int>("k"));
    }

    [Fact]
    public void Snapshot_ReturnsCopySortedOrdinally()
    {
        _cache.Set("b", 2);
        _cache.Set("a", 1);
        _cache.Set("B", null);

        var snapshot = _cache.Snapshot();
        _cache.Set("c", 3);

        Assert.Equal(["B", "a", "b"], snapshot.Keys);
        Assert.Null(snapshot["B"]);
        Assert.Equal(2, snapshot["b"]);
    }

    [Fact]
    public void Get_KeysAreCaseSensitive()
    {
        _cache.Set("Key", 1);

        Assert.Equal(0, _cache.Get<int>("key"));
    }
}
