using System.Runtime.InteropServices;
using Pomelo.Akka.Internal;

namespace Pomelo.Akka.Tests.Internal;

/// <summary>The C heap's free memory, kept resident by glibc when live blocks pin its arena, goes back to the OS on a trim.</summary>
public sealed class NativeHeapTests
{
    private const int Block = 32 * 1024;
    private const int Blocks = 2048;

    [Fact]
    public void Trim_FreedBlocksBetweenLiveOnes_GiveTheirMemoryBack()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.False(NativeHeap.Trim());
            return;
        }

        using var resident = new ResidentMemory();
        var blocks = new IntPtr[Blocks];

        // On a thread of its own, so the blocks come from one arena: 64 MB written to (resident), then every block but
        // one in 64 freed. The live ones pin the arena, so free() alone gives the pages between them back to nobody.
        var thread = new Thread(() =>
        {
            var fill = Enumerable.Repeat((byte)0x5A, Block).ToArray();
            for (var i = 0; i < Blocks; i++)
            {
                blocks[i] = Marshal.AllocHGlobal(Block);
                Marshal.Copy(fill, 0, blocks[i], Block);
            }

            for (var i = 0; i < Blocks; i++)
            {
                if (i % 64 != 63)
                {
                    Marshal.FreeHGlobal(blocks[i]);
                    blocks[i] = IntPtr.Zero;
                }
            }
        });
        thread.Start();
        thread.Join();

        try
        {
            var before = resident.ReadBytes();
            Assert.True(NativeHeap.Trim(), "glibc released memory");
            var after = resident.ReadBytes();

            // 62 MB were freed; allow for whatever else the process does meanwhile.
            Assert.True(before - after > 32L * 1024 * 1024, $"resident {before / 1048576} MB -> {after / 1048576} MB");
        }
        finally
        {
            foreach (var block in blocks.Where(b => b != IntPtr.Zero))
            {
                Marshal.FreeHGlobal(block);
            }
        }
    }
}
