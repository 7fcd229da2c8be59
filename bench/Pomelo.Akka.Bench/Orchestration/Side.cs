using System.Globalization;

namespace Pomelo.Akka.Bench.Orchestration;

/// <summary>One implementation under test: how to start its master, monitors and client processes.</summary>
internal abstract class Side
{
    public abstract string Name { get; }

    /// <summary>Gets whether its master detects hung monitors (ours: phi accrual; pomelo-admin: no).</summary>
    public abstract bool HasFailureDetector { get; }

    public static Side Create(string name, string peerDirectory) => name switch
    {
        "ours" => new OursSide(),
        "pomelo" => new PomeloSide(peerDirectory),
        _ => throw new ArgumentException("--side must be ours or pomelo"),
    };

    public ChildStart Master(int port) => Start("master", ["--port", I(port)]);

    public ChildStart Monitors(int port, int count, string prefix, int start, int concurrency, int warm = 0)
        => Start("monitors", ["--port", I(port), "--count", I(count), "--prefix", prefix, "--start", I(start), "--concurrency", I(concurrency), "--warm", I(warm)]);

    public ChildStart Client(int port, int count, int warmup, int repeat, int expect)
        => Start("client", ["--port", I(port), "--scenario", "list", "--count", I(count), "--warmup", I(warmup), "--repeat", I(repeat), "--expect", I(expect)]);

    protected abstract ChildStart Start(string verb, string[] args);

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);

    private sealed class OursSide : Side
    {
        public override string Name => "ours";

        public override bool HasFailureDetector => true;

        protected override ChildStart Start(string verb, string[] args)
            => new(Environment.ProcessPath ?? throw new InvalidOperationException("no process path"), [verb, .. args]);
    }

    private sealed class PomeloSide(string peerDirectory) : Side
    {
        public override string Name => "pomelo";

        public override bool HasFailureDetector => false;

        protected override ChildStart Start(string verb, string[] args)
            => new("node", ["--expose-gc", Path.Combine(peerDirectory, verb + ".js"), .. args], peerDirectory);
    }
}
