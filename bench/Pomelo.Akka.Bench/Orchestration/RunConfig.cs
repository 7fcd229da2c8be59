namespace Pomelo.Akka.Bench.Orchestration;

/// <summary>Sizes and durations of one run; <c>--quick</c> is the CI smoke test (under 2 minutes for both sides with the build).</summary>
/// <param name="Quick">Whether this is the quick mode.</param>
internal sealed record RunConfig(bool Quick)
{
    /// <summary>Gets or sets cluster flows replacing the mode's (<c>--sizes 500,2000</c>: one flow through those sizes).</summary>
    public int[][]? FlowsOverride { get; init; }

    /// <summary>Gets or sets a repetition count replacing the mode's, for throughput and cluster flows (<c>--repeats n</c>).</summary>
    public int? RepeatsOverride { get; init; }

    /// <summary>Gets how many times each throughput measurement is repeated (the median is reported).</summary>
    public int Repeats => RepeatsOverride ?? (Quick ? 1 : 5);

    public long DurationMs => Quick ? 2000 : 5000;

    public long WarmupMs => Quick ? 500 : 2000;

    /// <summary>Gets the cluster flows: each starts a fresh master and grows it through these sizes (monitors).</summary>
    public int[][] ClusterFlows => FlowsOverride ?? (Quick ? [[10], [100]] : [[10, 100], [500, 2000]]);

    /// <summary>Gets how many times each cluster flow is run (registration and memory medians over them).</summary>
    public int ClusterRepeats => RepeatsOverride ?? (Quick ? 1 : 3);

    /// <summary>Gets how many list requests one measured batch holds at a given cluster size.</summary>
    public int ListCount(int size) => Quick ? 20 : size switch { <= 10 => 300, <= 100 => 200, <= 500 => 100, _ => 40 };

    public int ListWarmup => Quick ? 5 : 20;

    /// <summary>Gets how many measured batches one client runs.</summary>
    public int ListBatches => Quick ? 1 : 3;

    /// <summary>Gets how many subscribed monitors watch a victim in the membership scenarios.</summary>
    public int MembershipMonitors => Quick ? 20 : 100;

    /// <summary>Gets or sets a socket-close round count replacing the mode's (<c>--close-repeats n</c>).</summary>
    public int? CloseRepeatsOverride { get; init; }

    /// <summary>
    /// Gets how many recorded socket-close rounds the membership flow runs (after one unrecorded). A round's time moves
    /// between ~2.5 and ~8 ms on this machine whatever the code, so the median wants more than a handful.
    /// </summary>
    public int CloseRepeats => CloseRepeatsOverride ?? (Quick ? 1 : 15);

    /// <summary>
    /// Gets the CPU (cores) under which every process of the membership flow, the victim included, must stay for two
    /// windows of <see cref="CloseQuietWindowMs"/> before a socket is cut: the cut lands in a settled cluster, not in the
    /// tail of the victim's start (its JIT and first collections), which in production runs on another host.
    /// </summary>
    public const double CloseQuietCores = 0.05;

    /// <summary>Gets the window of <see cref="CloseQuietCores"/>.</summary>
    public const int CloseQuietWindowMs = 200;

    /// <summary>Gets how long a close round waits at most for that quiet (the round is then run anyway, and its JSON says so).</summary>
    public const int CloseQuietLimitMs = 10_000;

    public int HungRepeats(Side side) => Quick || !side.HasFailureDetector ? 1 : 3;

    /// <summary>Gets how long to wait for a hung monitor to be declared down before reporting "never".</summary>
    public long HungBoundMs(Side side) => side.HasFailureDetector ? 15_000 : Quick ? 10_000 : 20_000;

    /// <summary>Gets how many monitors warm a cluster flow's master up before its memory baseline.</summary>
    public int WarmMonitors => Quick ? 10 : 50;

    /// <summary>
    /// Gets how many times a cluster flow's master runs the warm-up cycle. One is not enough for .NET: call counting
    /// starts only once no new method has been compiled for 100 ms, and tiered PGO takes a method through an
    /// instrumented tier before its final code, so after one cycle the first storm measured paid for that compilation
    /// (the master's JIT thread took ≈ 0.3 core-seconds during a storm of 500).
    /// </summary>
    public int WarmRounds => Quick ? 1 : 3;

    /// <summary>
    /// Gets how many monitors a cluster flow's monitors process registers and stops before its measured storm, so the
    /// storm is not also that young process's first run of every path (over half its CPU in the runtime and the JIT).
    /// </summary>
    public int StormWarmMonitors => Quick ? 2 : 8;

    /// <summary>Gets the window over which a process's CPU is sampled to decide it is quiet.</summary>
    public int QuietWindowMs => Quick ? 500 : 1000;

    /// <summary>How many quiet windows in a row the master must show before its memory is read (after the cluster's own quiet).</summary>
    public const int MemoryQuietWindows = 4;

    /// <summary>Gets how many registrations a monitors process keeps in flight.</summary>
    public int ConnectConcurrency => 500;
}
