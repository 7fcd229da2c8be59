using System.Text;
using Pomelo.Akka.Internal;

namespace Pomelo.Akka.Tests.Internal;

public sealed class ScratchWriterPoolTests
{
    [Fact]
    public void Rent_AfterReturn_GivesTheSameWriterEmpty()
    {
        var pool = new ScratchWriterPool(2);
        var writer = pool.Rent();
        writer.Json.WriteStringValue("first");
        writer.Json.Flush();

        pool.Return(writer);
        var again = pool.Rent();

        Assert.Same(writer, again);
        Assert.Equal(0, again.WrittenSpan.Length);
        again.Json.WriteNumberValue(2);
        again.Json.Flush();
        Assert.Equal("2", Encoding.UTF8.GetString(again.WrittenSpan));
    }

    [Fact]
    public void Rent_AllSlotsTaken_MakesANewWriter()
    {
        var pool = new ScratchWriterPool(1);

        var one = pool.Rent();
        var two = pool.Rent();

        Assert.NotSame(one, two);
    }

    [Fact]
    public void Return_PoolFull_DropsTheExtraWriter()
    {
        var pool = new ScratchWriterPool(1);
        var one = pool.Rent();
        var two = pool.Rent();

        pool.Return(one);
        pool.Return(two);

        Assert.Same(one, pool.Rent());
        Assert.NotSame(two, pool.Rent());
    }

    [Fact]
    public void Return_WriterGrownBeyondTheLimit_IsNotKept()
    {
        var pool = new ScratchWriterPool(1);
        var big = pool.Rent();
        big.Json.WriteStringValue(new string('x', ScratchWriterPool.MaxRetainedBytes + 1));
        big.Json.Flush();

        pool.Return(big);

        Assert.NotSame(big, pool.Rent());
    }

    [Fact]
    public void Constructor_NoSlots_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScratchWriterPool(0));
    }
}
