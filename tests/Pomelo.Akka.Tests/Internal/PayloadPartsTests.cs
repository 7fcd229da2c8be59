using System.Buffers;
using System.Text;
using Pomelo.Akka.Internal;

namespace Pomelo.Akka.Tests.Internal;

public sealed class PayloadPartsTests
{
    private static readonly byte[] Head = "head-"u8.ToArray();
    private static readonly byte[] Body = "0123456789"u8.ToArray();
    private static readonly byte[] Tail = "-tail"u8.ToArray();

    [Fact]
    public void CopyTo_Whole_WritesTheThreePartsInOrder()
    {
        var output = new ArrayBufferWriter<byte>();

        new PayloadParts(Head, Body, Tail).CopyTo(output);

        Assert.Equal("head-0123456789-tail", Encoding.UTF8.GetString(output.WrittenSpan));
        Assert.Equal(20, new PayloadParts(Head, Body, Tail).Length);
    }

    [Fact]
    public void CopyTo_EveryRange_MatchesTheSameRangeOfTheWholePayload()
    {
        const string Whole = "head-0123456789-tail";
        for (var offset = 0; offset <= Whole.Length; offset++)
        {
            for (var count = 0; offset + count <= Whole.Length; count++)
            {
                var output = new ArrayBufferWriter<byte>();
                new PayloadParts(Head, Body, Tail).CopyTo(output, offset, count);
                Assert.Equal(Whole.Substring(offset, count), Encoding.UTF8.GetString(output.WrittenSpan));
            }
        }
    }

    [Fact]
    public void CopyTo_EmptyParts_AreSkipped()
    {
        var output = new ArrayBufferWriter<byte>();

        new PayloadParts(default, Body).CopyTo(output, 2, 5);

        Assert.Equal("23456", Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Fact]
    public void CopyTo_RangeBeyondThePayload_Throws()
    {
        var output = new ArrayBufferWriter<byte>();

        Assert.Throws<ArgumentOutOfRangeException>(() => new PayloadParts(Head, Body, Tail).CopyTo(output, 15, 6));
    }
}
