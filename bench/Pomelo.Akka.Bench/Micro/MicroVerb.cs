using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Pomelo.Akka.Bench.Micro;

/// <summary>
/// <c>micro [BenchmarkDotNet arguments]</c>: the codec and envelope micro-benchmarks, run in-process (no generated
/// project, so nothing inherits this repository's build settings); reports go to bench/results/micro. With no
/// arguments every benchmark runs as a short
/// job (in-process); pass e.g. <c>--filter *Codec*</c> to narrow it.
/// </summary>
internal static class MicroVerb
{
    public static int Run(string[] args)
    {
        var artifacts = Path.Combine(Orchestration.RunVerb.FindBenchDirectory(), "results", "micro");
        var config = ManualConfig.Create(DefaultConfig.Instance)
            .WithArtifactsPath(artifacts)
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
            .AddDiagnoser(MemoryDiagnoser.Default)
            .WithOptions(ConfigOptions.DisableOptimizationsValidator);
        if (args.Length == 0)
        {
            args = ["--filter", "*"];
        }

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(MicroVerb).Assembly).Run(args, config);
        return summaries.Any(s => s.HasCriticalValidationErrors) ? 1 : 0;
    }
}
