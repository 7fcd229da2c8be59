using System.ComponentModel.DataAnnotations;

namespace Pomelo.Akka.Master;

/// <summary>
/// When the master gives memory back after a registration storm (<c>pomelo.master.memoryTrim</c>; see
/// <see cref="MemoryTrim"/>).
/// </summary>
public sealed class MemoryTrimOptions
{
    /// <summary>Gets or sets the registrations since the last trim that make a storm worth a trim (default 50); 0 turns trimming off.</summary>
    [Range(0, int.MaxValue)]
    public int Joins { get; set; } = 50;

    /// <summary>Gets or sets how long membership must have stayed unchanged (default 2 s).</summary>
    public TimeSpan Quiet { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Gets or sets the most the master may allocate per second and still count as quiet (default 4 MiB): while the
    /// storm's server maps are still going out, the master allocates far more, and a trim then would be undone at once.
    /// </summary>
    [Range(0, long.MaxValue)]
    public long MaxAllocationPerSecond { get; set; } = 4 * 1024 * 1024;
}
