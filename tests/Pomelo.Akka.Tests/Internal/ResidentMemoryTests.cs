using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using Pomelo.Akka.Internal;

namespace Pomelo.Akka.Tests.Internal;

public sealed class ResidentMemoryTests
{
    [Theory]
    [InlineData("53210 4711 1200 2 0 30000 0\n", 4096, 4711L * 4096)]
    [InlineData("1 0 0 0 0 0 0", 4096, 0)]
    [InlineData("100 25\n", 16384, 25L * 16384)]
    public void TryParseStatm_KernelLine_ReadsResidentPages(string line, int pageSize, long expected)
    {
        Assert.True(ResidentMemory.TryParseStatm(Encoding.ASCII.GetBytes(line), pageSize, out var bytes));
        Assert.Equal(expected, bytes);
    }

    [Theory]
    [InlineData("")]
    [InlineData("53210")]
    [InlineData("53210 ")]
    [InlineData("x 12 3")]
    [InlineData("12 x 3")]
    [InlineData("12 -4 3")]
    [InlineData("12 4x 3")]
    public void TryParseStatm_NotAStatmLine_ReturnsFalse(string line)
    {
        Assert.False(ResidentMemory.TryParseStatm(Encoding.ASCII.GetBytes(line), 4096, out _));
    }

    [Fact]
    public void ReadBytes_ThisProcess_AgreesWithTheKernelsVmRss()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.WorkingSet64;
        using var memory = new ResidentMemory();
        var read = memory.ReadBytes();
        process.Refresh();
        var after = process.WorkingSet64;

        // RSS moves while the test runs; the two readings bracket ours within a margin of allocation noise.
        var margin = 64L * 1024 * 1024;
        Assert.InRange(read, Math.Min(before, after) - margin, Math.Max(before, after) + margin);
        Assert.True(read > 0);
    }

    [Fact]
    public void ReadBytes_AgainOnTheSameInstance_SeesMemoryGivenBackSinceTheFirstRead()
    {
        using var memory = new ResidentMemory();
        _ = memory.ReadBytes(); // the file is open from here on

        // 128 MB outside the GC (so no collection of other tests' garbage moves the figure), touched page by page,
        // then given back: a read of the kept handle before and after must see the drop, not a cached figure.
        const int Size = 128 * 1024 * 1024;
        var block = Marshal.AllocHGlobal(Size);
        for (var i = 0; i < Size; i += 4096)
        {
            Marshal.WriteByte(block, i, 1);
        }

        var withBlock = memory.ReadBytes();
        Marshal.FreeHGlobal(block);
        var without = memory.ReadBytes();

        Assert.True(withBlock - without >= 96L * 1024 * 1024, $"the read after freeing ({without}) shows the 128 MB given back since the one before ({withBlock})");
    }

    [Fact]
    public void ReadBytes_AfterDispose_FallsBackToTheWorkingSet()
    {
        var memory = new ResidentMemory();
        Assert.True(memory.ReadBytes() > 0);

        memory.Dispose();

        Assert.True(memory.ReadBytes() > 0);
    }
}
